/**
 * People's names, as they type them: any script, emoji, combining marks, kept exactly (no trimming, no
 * normalisation, so what comes back in a token is byte for byte what was typed). Refused are only the
 * characters that are not text, or that would make a name display as something else:
 * - control characters (C0, DEL, C1: line breaks, tabs, escape sequences);
 * - unpaired surrogates (not a character at all; they cannot be stored as UTF-8), and U+FFFD, the
 *   replacement character a browser or server puts where bytes were not valid UTF-8, so a mangled name
 *   is refused rather than silently kept mangled;
 * - noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF in every plane);
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder
 *   the text around them ("Trojan Source"); the invisible marks U+200E/U+200F stay allowed.
 * Zero-width joiners and emoji tag sequences are text and stay allowed.
 */
export const NAME_LIMITS = { maxCharacters: 100, maxCodeUnits: 1000 } as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
const REPLACEMENT = /\ufffd/u;
/** In a `u` regex a lone surrogate is a code point of its own, so this finds exactly the unpaired ones. */
const LONE_SURROGATE = /\p{Surrogate}/u;

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
const characterCount = (text: string) => [...graphemes.segment(text)].length;

/** Why `name` cannot be an account's name (a sentence naming the field), or undefined when it can. */
export const nameProblem = (name: string): string | undefined => {
  if (name.trim().length === 0) return "Name: enter the name you'd like us to use.";
  if (LONE_SURROGATE.test(name)) {
    return "Name: it contains a broken character (an unpaired surrogate). Please type it again.";
  }
  if (REPLACEMENT.test(name)) {
    return "Name: part of it did not arrive intact (it shows as �). Please type it again.";
  }
  if (CONTROL.test(name)) return "Name: remove control characters such as line breaks or tabs.";
  if (NONCHARACTER.test(name)) return "Name: remove the unassigned noncharacter it contains.";
  if (BIDI_CONTROL.test(name)) {
    return "Name: remove the invisible text-direction override characters it contains.";
  }
  if (name.length > NAME_LIMITS.maxCodeUnits || characterCount(name) > NAME_LIMITS.maxCharacters) {
    return `Name: use at most ${NAME_LIMITS.maxCharacters} characters.`;
  }
  return undefined;
};
