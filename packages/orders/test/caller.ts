import type { Context } from "@tiffin/kit";
import type { Actor } from "@tiffin/kit/auth";
import { aCustomer, contextFor } from "@tiffin/kit/testing";

export { aCustomer, anActor, refusalOf, staffOf } from "@tiffin/kit/testing";

/** A orders request context; `null` makes an anonymous caller (no token). */
export const testContext = (correlationId = "corr-test-0001", actor: Actor | null = aCustomer()): Context =>
  contextFor("orders", correlationId, actor);
