import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { humanText, refusedCharacter } from "./human-text";
import { orderDetailsFields, orderDetailsProblem } from "./order-details";

const notes = humanText({ label: "Delivery notes", max: 500, multiline: true });
const name = humanText({ label: "Your name", min: 1, max: 80 });

/** What a person can type: any script, emoji with ZWJ, skin tones, flags, keycaps, tags, combining marks. */
const typed = [
  "ring twice 🔔",
  "घंटी दो बार बजाएँ",
  "اتصل بي عند الوصول",
  "שלום, קומה 3",
  "Zoe\u0308 (combining diaeresis, not NFC)",
  "family 👨‍👩‍👧‍👦, wave 👋🏽, flag 🇮🇳, keycap 1️⃣, England 🏴󠁧󠁢󠁥󠁮󠁧󠁿",
  "東京都渋谷区 3-2-1",
  "Ελληνικά · Русский · ქართული · 한국어",
  "مرحبا\u200F abc \u200E (direction marks are fine)",
  "first line\nsecond line",
];

const refusedCodePoint = (cp: number) =>
  cp < 0x20 ||
  (cp >= 0x7f && cp <= 0x9f) ||
  (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2066 && cp <= 0x2069) ||
  cp === 0x2028 ||
  cp === 0x2029 ||
  (cp >= 0xfdd0 && cp <= 0xfdef) ||
  (cp & 0xfffe) === 0xfffe ||
  (cp >= 0xd800 && cp <= 0xdfff);

/** Text made only of characters a person could mean, line breaks included. */
const showable = fc.string({
  unit: fc.oneof(
    fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((cp) => !refusedCodePoint(cp))
      .map((cp) => String.fromCodePoint(cp)),
    fc.constantFrom("\n", "\u200d", "\u0301", "🔔", "👨‍👩‍👧‍👦"),
  ),
  maxLength: 60,
});

describe("humanText", () => {
  it.each(typed)("keeps %s exactly as typed", (text) => {
    expect(notes.parse(text)).toBe(text);
  });

  it("accepts any text of showable characters and changes nothing but the outer whitespace", () => {
    fc.assert(
      fc.property(showable, (text) => {
        const long = humanText({ label: "Notes", max: 10_000, multiline: true });
        expect(long.parse(text)).toBe(text.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    {
      what: "a right-to-left override (U+202E)",
      text: "ring \u202Eecivt",
      cp: "U+202E",
      message: /text-direction control/,
    },
    {
      what: "a left-to-right embedding (U+202A)",
      text: "a\u202Ab",
      cp: "U+202A",
      message: /text-direction control/,
    },
    {
      what: "a first-strong isolate (U+2068)",
      text: "a\u2068b\u2069",
      cp: "U+2068",
      message: /text-direction control/,
    },
    { what: "a NUL", text: "a\u0000b", cp: "U+0000", message: /control character/ },
    { what: "a bell", text: "ding\u0007", cp: "U+0007", message: /control character/ },
    { what: "a tab", text: "a\tb", cp: "U+0009", message: /control character/ },
    { what: "a carriage return", text: "a\r\nb", cp: "U+000D", message: /control character/ },
    { what: "DEL", text: "a\u007Fb", cp: "U+007F", message: /control character/ },
    { what: "a C1 control (U+0085)", text: "a\u0085b", cp: "U+0085", message: /control character/ },
    { what: "a lone high surrogate", text: "half \uD83D emoji", cp: "U+D83D", message: /broken character/ },
    { what: "a lone low surrogate", text: "\uDD14 half", cp: "U+DD14", message: /broken character/ },
    { what: "U+FFFE", text: "a\uFFFEb", cp: "U+FFFE", message: /not a character/ },
    { what: "U+FFFF", text: "a\uFFFFb", cp: "U+FFFF", message: /not a character/ },
    { what: "U+FDD0", text: "a\uFDD0b", cp: "U+FDD0", message: /not a character/ },
    { what: "U+1FFFF", text: "a\u{1FFFF}b", cp: "U+1FFFF", message: /not a character/ },
    { what: "a line separator", text: "a\u2028b", cp: "U+2028", message: /line separator/ },
  ])("refuses $what in notes, naming the field and the character", ({ text, cp, message }) => {
    const result = notes.safeParse(text);

    expect(result.success).toBe(false);
    const issue = result.error?.issues[0]?.message ?? "";
    expect(issue).toMatch(/^Delivery notes /);
    expect(issue).toContain(cp);
    expect(issue).toMatch(message);
  });

  it("refuses a line break in a one-line field, and allows it where the field is multiline", () => {
    expect(name.safeParse("Asha\nPatel").error?.issues[0]?.message).toBe(
      "Your name must be on one line: remove the line break.",
    );
    expect(notes.parse("Gate code 1234\nthird floor")).toBe("Gate code 1234\nthird floor");
  });

  it("refuses any text with a refused character inside, wherever it is", () => {
    const refused = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((cp) => refusedCodePoint(cp) && cp !== 0x0a)
      .map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)));
    fc.assert(
      fc.property(showable, refused, showable, (before, bad, after) => {
        // Whitespace-only neighbours could be trimmed away with a trailing control; keep the bad one inside.
        const text = `x${before}${bad}${after}x`;
        expect(refusedCharacter(text, { multiline: true })).toBeDefined();
        expect(notes.safeParse(text).success).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("counts length in code points, so an emoji is one character and not two", () => {
    const short = humanText({ label: "Your name", min: 1, max: 4 });
    expect(short.parse("🔔🔔🔔🔔")).toBe("🔔🔔🔔🔔"); // 8 UTF-16 code units
    expect(short.safeParse("🔔🔔🔔🔔a").error?.issues[0]?.message).toBe(
      "Your name must be at most 4 characters.",
    );
  });

  it("says which field is required", () => {
    expect(name.safeParse("   ").error?.issues[0]?.message).toBe("Your name is required.");
    expect(name.safeParse(undefined).error?.issues[0]?.message).toBe("Your name is required.");
  });
});

describe("order details (the checkout form and orders.place)", () => {
  it("accepts a phone number in any script's digits", () => {
    expect(orderDetailsFields.phone.parse("+971 ٥٠ ١٢٣ ٤٥٦٧")).toBe("+971 ٥٠ ١٢٣ ٤٥٦٧");
    expect(orderDetailsFields.phone.parse("+91 ९८७६५ ४३२१०")).toBe("+91 ९८७६५ ४३२१०");
    expect(orderDetailsProblem("phone", "call me 🔔")).toMatch(/^Enter a phone number the courier can call/);
  });

  it("words each problem as the server does, naming the field", () => {
    expect(orderDetailsProblem("notes", "ring \u202E twice")).toMatch(
      /^Delivery notes contains an invisible text-direction control \(U\+202E\)/,
    );
    expect(orderDetailsProblem("address", "1 St")).toBe("Delivery address must be at least 5 characters.");
    expect(orderDetailsProblem("address", "   ")).toBe("Delivery address is required.");
    expect(orderDetailsProblem("name", "Asha 🔔")).toBeUndefined();
  });
});
