import type { z } from "zod";
import { humanText } from "./human-text";

/**
 * What a customer types at checkout, validated the same way by the orders service (`orders.place`) and
 * by the checkout form before it sends: same limits, same characters refused, same messages.
 */
export const orderDetailsLimits = {
  name: { min: 1, max: 80 },
  phone: { min: 1, max: 20 },
  address: { min: 5, max: 300 },
  notes: { max: 500 },
} as const;

/** Digits of any script (a customer may type ٠٥٠ or ०९८), spaces, brackets, dashes, dots, one leading +. */
const PHONE = /^\+?[\p{Nd} ().-]{7,20}$/u;

export const orderDetailsFields = {
  name: humanText({ label: "Your name", ...orderDetailsLimits.name }),
  phone: humanText({ label: "Phone number", ...orderDetailsLimits.phone }).regex(
    PHONE,
    "Enter a phone number the courier can call, e.g. +1 415 555 0134.",
  ),
  address: humanText({ label: "Delivery address", ...orderDetailsLimits.address, multiline: true }),
  notes: humanText({ label: "Delivery notes", ...orderDetailsLimits.notes, multiline: true }),
} satisfies Record<string, z.ZodType<string>>;

export type OrderDetailsField = keyof typeof orderDetailsFields;

/** The first problem with one field's value, exactly as the server would word it; undefined when valid. */
export const orderDetailsProblem = (field: OrderDetailsField, value: string): string | undefined => {
  const result = orderDetailsFields[field].safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
};
