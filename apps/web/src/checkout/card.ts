import { type PaymentCardField, paymentCardProblem, TEST_CARDS } from "@tiffin/contracts/payment-card";

/**
 * The card as the person types it at checkout. Held in memory for this page view only: never written to
 * storage, never logged; the server passes it to the payment provider and keeps the brand and last four.
 */
export interface CardDraft {
  number: string;
  expiry: string;
  cvc: string;
}

export const emptyCard: CardDraft = { number: "", expiry: "", cvc: "" };

/** Local mode (the simulated provider) starts with the test card that is always authorized. */
export const testModeCard: CardDraft = { number: TEST_CARDS[0].number, expiry: "12/34", cvc: "123" };

/** The checkout form's own check, with the definitions `orders.place` validates with (same words). */
export const cardProblems = (card: CardDraft): Partial<Record<keyof CardDraft, string>> => {
  const problems: Partial<Record<keyof CardDraft, string>> = {};
  for (const field of ["number", "expiry", "cvc"] as PaymentCardField[]) {
    const problem = paymentCardProblem(field, card[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
};

/** "4242 4242 4242 4242" as the person types it: digits in groups of four, at most 19 digits. */
export const groupCardNumber = (typed: string): string =>
  typed
    .replace(/\D/g, "")
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, "$1 ");

/** "1234" -> "12/34" while typing; leaves anything already slashed alone. */
export const formatExpiry = (typed: string): string => {
  if (typed.includes("/")) return typed.slice(0, 7);
  const digits = typed.replace(/\D/g, "").slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
};
