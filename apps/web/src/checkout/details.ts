import { type OrderDetailsField, orderDetailsProblem } from "@tiffin/contracts/order-details";
import type { CheckoutDraft } from "./draft";

/**
 * The checkout form's own check, made with the definitions `orders.place` validates with: the same
 * limits, the same refused characters (control, bidi-override, noncharacters, broken emoji), the same
 * messages. The server stays the authority; this only saves a round trip.
 */
const fields: Record<keyof CheckoutDraft, OrderDetailsField> = {
  name: "name",
  phone: "phone",
  address: "address",
  notes: "notes",
};

export const detailsProblems = (draft: CheckoutDraft): Partial<Record<keyof CheckoutDraft, string>> => {
  const problems: Partial<Record<keyof CheckoutDraft, string>> = {};
  for (const [field, schemaField] of Object.entries(fields) as [keyof CheckoutDraft, OrderDetailsField][]) {
    const problem = orderDetailsProblem(schemaField, draft[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
};
