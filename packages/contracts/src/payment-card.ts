import { z } from "zod";

/**
 * The card a customer types at checkout, checked the same way by `orders.place` and by the checkout form:
 * number (spaces and dashes allowed, 12-19 digits, Luhn check digit), expiry `MM/YY` not in the past, and
 * the 3- or 4-digit security code. Only the brand and last four digits are ever kept by Tiffin.
 */
export const digitsOf = (text: string): string => text.replace(/[\s-]/g, "");

/** The Luhn check digit every real card number carries: catches a mistyped digit or two swapped ones. */
export const passesLuhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
};

export type CardBrand = "Visa" | "Mastercard" | "American Express" | "Discover" | "Card";

/** The network, from the number's first digits (for the receipt: "Visa ending 4242"). */
export const cardBrand = (digits: string): CardBrand => {
  if (/^4/.test(digits)) return "Visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "Mastercard";
  if (/^3[47]/.test(digits)) return "American Express";
  if (/^6(011|5)/.test(digits)) return "Discover";
  return "Card";
};

const cardNumber = z
  .string({ error: "Enter your card number." })
  .transform(digitsOf)
  .pipe(
    z
      .string()
      .min(1, "Enter your card number.")
      .regex(/^\d+$/, "A card number has only digits (spaces are fine).")
      .min(12, "That card number is too short: check it against your card.")
      .max(19, "That card number is too long: check it against your card.")
      .refine(passesLuhn, "That card number isn't valid: check it for a typo."),
  );

/** `MM/YY` (or `MM / YY`, `MM/YYYY`), valid through the end of that month. */
const EXPIRY = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/;

export interface CardExpiry {
  month: number;
  /** Four digits. */
  year: number;
}

export const parseExpiry = (text: string): CardExpiry | undefined => {
  const m = EXPIRY.exec(text);
  if (!m) return undefined;
  const month = Number(m[1]);
  const year = (m[2] ?? "").length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return { month, year };
};

/** Whether a card with this expiry can still be used at `now` (it works through its last month). */
export const expiryIsFuture = ({ month, year }: CardExpiry, now: Date): boolean =>
  year > now.getUTCFullYear() || (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1);

const cardExpiry = z.string({ error: "Enter the card's expiry date as MM/YY." }).transform((text, ctx) => {
  const expiry = parseExpiry(text);
  if (!expiry) {
    ctx.addIssue({ code: "custom", message: "Enter the card's expiry date as MM/YY, e.g. 04/29." });
    return z.NEVER;
  }
  if (expiry.month < 1 || expiry.month > 12) {
    ctx.addIssue({ code: "custom", message: "The expiry month is between 01 and 12." });
    return z.NEVER;
  }
  if (!expiryIsFuture(expiry, new Date())) {
    ctx.addIssue({ code: "custom", message: "This card has expired: use another card." });
    return z.NEVER;
  }
  return expiry;
});

const cardCvc = z
  .string({ error: "Enter the card's security code." })
  .trim()
  .min(1, "Enter the card's security code.")
  .regex(/^\d{3,4}$/, "The security code is the 3 or 4 digits on your card.");

export const paymentCardFields = { number: cardNumber, expiry: cardExpiry, cvc: cardCvc };

export type PaymentCardField = keyof typeof paymentCardFields;

/** The first problem with one card field, worded as the server words it; undefined when valid. */
export const paymentCardProblem = (field: PaymentCardField, value: string): string | undefined => {
  const result = paymentCardFields[field].safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
};

/**
 * The simulated provider's test cards (local mode lists them at checkout; no real money moves). Any
 * other valid card number is authorized too.
 */
export const TEST_CARDS = [
  { number: "4242 4242 4242 4242", outcome: "Succeeds" },
  { number: "4000 0000 0000 0002", outcome: "Declined" },
  { number: "4000 0000 0000 9995", outcome: "Declined: insufficient funds" },
  { number: "4000 0000 0000 0119", outcome: "Fails once with a processing error, then succeeds on retry" },
] as const;

export const TEST_CARD_DIGITS = {
  succeeds: "4242424242424242",
  declined: "4000000000000002",
  insufficientFunds: "4000000000009995",
  processingErrorOnce: "4000000000000119",
} as const;
