import type { Context } from "@tiffin/kit";
import type { Actor } from "@tiffin/kit/auth";
import { contextFor, staffOf } from "@tiffin/kit/testing";

export { aCustomer, anActor, refusalOf, staffOf } from "@tiffin/kit/testing";

/** A restaurants request context; `null` makes an anonymous caller (no token). */
export const testContext = (
  correlationId = "corr-test-0001",
  actor: Actor | null = staffOf("bombay-tiffin-house"),
): Context => contextFor("restaurants", correlationId, actor);
