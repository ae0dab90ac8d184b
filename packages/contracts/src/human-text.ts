import { z } from "zod";

/**
 * Text a person types (names, addresses, notes, later menu items): any script, emoji, ZWJ sequences and
 * combining marks pass through exactly as typed. Only what cannot be shown honestly is refused, with a
 * message naming the field: control characters (a line break is allowed where `multiline`), unpaired
 * surrogates, noncharacters, and the bidi overrides and isolates that can make a ticket read differently
 * from what was typed (U+202A–U+202E, U+2066–U+2069). Nothing is normalised (no NFC): only the outer
 * whitespace is trimmed. Lengths count code points (zod's measure: 🔔 is one, 👋🏽 two), so a form
 * must check with this schema rather than with an HTML `maxLength`, which counts UTF-16 code units.
 */
export interface HumanTextOptions {
  /** How the field is named in messages: "Delivery notes". */
  label: string;
  /** Fewest characters after trimming; 0 (the default) allows empty text. */
  min?: number;
  max: number;
  /** Allows line breaks (`\n`): addresses, notes. */
  multiline?: boolean;
}

export interface RefusedCharacter {
  /** UTF-16 index of the character in the text. */
  index: number;
  /** Its code point (for an unpaired surrogate: the lone code unit). */
  codePoint: number;
  kind: "line-break" | "control" | "bidi-control" | "noncharacter" | "unpaired-surrogate";
}

export const codePointLabel = (codePoint: number): string =>
  `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;

const isBidiControl = (cp: number) => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
const isNoncharacter = (cp: number) => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
// U+2028/U+2029 break lines as surely as \n does, so one-line fields refuse them too.
const isLineBreak = (cp: number) => cp === 0x0a || cp === 0x2028 || cp === 0x2029;

/** The first character `text` may not contain, or undefined when every character can be shown. */
export const refusedCharacter = (
  text: string,
  opts: { multiline?: boolean } = {},
): RefusedCharacter | undefined => {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = text.charCodeAt(index + 1);
      const paired = unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      if (!paired) return { index, codePoint: unit, kind: "unpaired-surrogate" };
      codePoint = ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
    }
    const at = index;
    if (codePoint > 0xffff) index++;
    if (isLineBreak(codePoint)) {
      if (codePoint !== 0x0a || !opts.multiline) return { index: at, codePoint, kind: "line-break" };
    } else if (isControl(codePoint)) return { index: at, codePoint, kind: "control" };
    else if (isBidiControl(codePoint)) return { index: at, codePoint, kind: "bidi-control" };
    else if (isNoncharacter(codePoint)) return { index: at, codePoint, kind: "noncharacter" };
  }
  return undefined;
};

/** What a person is told about a refused character in the field called `label`. */
export const refusalMessage = (label: string, found: RefusedCharacter, multiline = false): string => {
  const cp = codePointLabel(found.codePoint);
  switch (found.kind) {
    case "line-break":
      return multiline
        ? `${label} contains a line separator (${cp}) that tickets can't show. Use a normal line break instead.`
        : `${label} must be on one line: remove the line break.`;
    case "control":
      return `${label} contains an invisible control character (${cp}) that can't be shown on the ticket. Remove it and try again.`;
    case "bidi-control":
      return `${label} contains an invisible text-direction control (${cp}) that could make the ticket read differently from what you typed. Remove it and try again.`;
    case "noncharacter":
      return `${label} contains ${cp}, which is not a character anyone can read. Remove it and try again.`;
    case "unpaired-surrogate":
      return `${label} contains a broken character (half of an emoji, ${cp}). Retype it and try again.`;
  }
};

/** The zod schema of one human-text field; its issues carry the messages above. */
export const humanText = ({ label, min = 0, max, multiline = false }: HumanTextOptions) =>
  z
    .string({ error: min > 0 ? `${label} is required.` : `${label} must be text.` })
    .trim()
    .min(min, {
      // Nothing typed (or only spaces) is "required"; too little is "at least".
      error: (issue) =>
        min === 1 || issue.input === ""
          ? `${label} is required.`
          : `${label} must be at least ${min} characters.`,
    })
    .max(max, `${label} must be at most ${max} characters.`)
    .superRefine((text, ctx) => {
      const found = refusedCharacter(text, { multiline });
      if (found) ctx.addIssue({ code: "custom", message: refusalMessage(label, found, multiline) });
    });
