import { describe, expect, it } from "vitest";
import {
  cardBrand,
  expiryIsFuture,
  parseExpiry,
  passesLuhn,
  paymentCardFields,
  paymentCardProblem,
  TEST_CARD_DIGITS,
  TEST_CARDS,
} from "./payment-card";

describe("payment card fields (shared by orders.place and the checkout form)", () => {
  it("every test card passes the Luhn check, and a one-digit typo does not", () => {
    for (const card of TEST_CARDS) expect(passesLuhn(card.number.replace(/ /g, ""))).toBe(true);
    expect(passesLuhn("4242424242424241")).toBe(false);
    expect(passesLuhn("")).toBe(false);
  });

  it("reads the number as typed (spaces, dashes) and keeps only digits", () => {
    expect(paymentCardFields.number.parse(" 4242-4242 4242 4242 ")).toBe(TEST_CARD_DIGITS.succeeds);
  });

  it("names the brand from the first digits", () => {
    expect(cardBrand("4242424242424242")).toBe("Visa");
    expect(cardBrand("5555555555554444")).toBe("Mastercard");
    expect(cardBrand("2223003122003222")).toBe("Mastercard");
    expect(cardBrand("378282246310005")).toBe("American Express");
    expect(cardBrand("6011111111111117")).toBe("Discover");
    expect(cardBrand("9999999999999995")).toBe("Card");
  });

  it("reads MM/YY and MM/YYYY, valid through the end of the month", () => {
    expect(parseExpiry("04/29")).toEqual({ month: 4, year: 2029 });
    expect(parseExpiry(" 4 / 2029 ")).toEqual({ month: 4, year: 2029 });
    expect(parseExpiry("0429")).toBeUndefined();
    const lastDayOfMonth = new Date("2026-11-30T23:59:00Z");
    expect(expiryIsFuture({ month: 11, year: 2026 }, lastDayOfMonth)).toBe(true);
    expect(expiryIsFuture({ month: 10, year: 2026 }, lastDayOfMonth)).toBe(false);
  });

  it.each([
    ["number", "", "Enter your card number."],
    ["number", "4242 abcd", "A card number has only digits (spaces are fine)."],
    ["number", "4242", "That card number is too short: check it against your card."],
    ["number", "4".repeat(20), "That card number is too long: check it against your card."],
    ["number", "4242 4242 4242 4241", "That card number isn't valid: check it for a typo."],
    ["expiry", "", "Enter the card's expiry date as MM/YY, e.g. 04/29."],
    ["expiry", "00/30", "The expiry month is between 01 and 12."],
    ["expiry", "12/20", "This card has expired: use another card."],
    ["cvc", "", "Enter the card's security code."],
    ["cvc", "12a", "The security code is the 3 or 4 digits on your card."],
  ] as const)("%s %j: %s", (field, value, message) => {
    expect(paymentCardProblem(field, value)).toBe(message);
  });

  it("accepts a valid card", () => {
    expect(paymentCardProblem("number", "4242 4242 4242 4242")).toBeUndefined();
    expect(paymentCardProblem("expiry", "12/34")).toBeUndefined();
    expect(paymentCardProblem("cvc", "1234")).toBeUndefined();
  });
});
