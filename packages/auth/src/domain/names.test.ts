import { describe, expect, it } from "vitest";
import { NAME_LIMITS, nameProblem } from "./names";

describe("names", () => {
  it.each([
    ["Latin with diacritics", "Zoë Ångström-Łukasiewicz"],
    ["Chinese", "李小龍"],
    ["Arabic (right to left)", "محمد بن سلمان"],
    ["Hebrew with an RLM mark", "דוד\u200f כהן"],
    ["Devanagari", "अनुष्का शर्मा"],
    ["Thai", "สมชาย ใจดี"],
    ["combining marks (decomposed é)", "Rene\u0301e"],
    ["emoji with skin tone and ZWJ", "👩🏽‍🍳 Chef Priya"],
    ["a flag and a subdivision flag (tag characters)", "🇮🇳 🏴󠁧󠁢󠁳󠁣󠁴󠁿"],
    ["astral plane script (Gothic)", "𐌰𐌻𐌰𐍂𐌹𐌺𐍃"],
    ["leading and trailing spaces, kept as typed", "  Ada  "],
    ["a private-use character", "Ada \ue000"],
    ["a very long name in graphemes", "é".repeat(NAME_LIMITS.maxCharacters)],
  ])("accepts %s", (_, name) => {
    expect(nameProblem(name)).toBeUndefined();
  });

  it.each([
    ["empty", "", /^Name: enter/],
    ["only spaces", "   ", /^Name: enter/],
    ["a line break", "Ada\nLovelace", /^Name: remove control characters/],
    ["a tab", "Ada\tLovelace", /^Name: remove control characters/],
    ["NUL", "Ada\u0000", /^Name: remove control characters/],
    ["DEL", "Ada\u007f", /^Name: remove control characters/],
    ["a C1 control (CSI)", "Ada\u009b31m", /^Name: remove control characters/],
    ["a lone high surrogate", "Ada\ud800", /^Name: .*unpaired surrogate/],
    ["a lone low surrogate", "\udc00Ada", /^Name: .*unpaired surrogate/],
    ["a replacement character (mangled bytes)", "Ad\ufffd", /^Name: part of it did not arrive intact/],
    ["a noncharacter U+FDD0", "Ada\ufdd0", /^Name: remove the unassigned noncharacter/],
    ["a noncharacter U+FFFE", "Ada\ufffe", /^Name: remove the unassigned noncharacter/],
    ["a noncharacter U+1FFFF", "Ada\u{1ffff}", /^Name: remove the unassigned noncharacter/],
    ["a right-to-left override", "Ada\u202egpj.exe", /^Name: remove the invisible text-direction/],
    ["a left-to-right embedding", "\u202aAda", /^Name: remove the invisible text-direction/],
    ["a first-strong isolate", "Ada\u2068x\u2069", /^Name: remove the invisible text-direction/],
    ["too many characters", "a".repeat(NAME_LIMITS.maxCharacters + 1), /^Name: use at most 100 characters/],
    ["too many code units (combining-mark flood)", `a${"\u0301".repeat(1000)}`, /^Name: use at most/],
  ])("refuses %s, naming the field", (_, name, message) => {
    expect(nameProblem(name)).toMatch(message);
  });
});
