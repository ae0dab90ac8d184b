import { z } from "zod";

/*
 * The pieces every restaurants input schema is built from (the router, the kitchen's and the menu
 * editor's procedures), so a field is refused with the same words wherever it is sent.
 */

/** Objects that refuse unknown fields, naming them. */
export const strict = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unexpected field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`
        : undefined,
  });

/** A slug-like id (restaurant, section, dish, option group, option): lowercase letters, digits, dashes. */
export const slugId = (what: string, required = `${what} is required.`) =>
  z
    .string({ error: required })
    .regex(
      /^[a-z0-9][a-z0-9-]{0,63}$/,
      `That ${what.toLowerCase()} isn't valid: use lowercase letters, digits and dashes.`,
    );

/** The restaurant id of the public and kitchen procedures. */
export const RestaurantId = slugId("Restaurant id", "A restaurant id is required.");
