/** One visible focus style for every interactive element (keyboard users only, via :focus-visible). */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-700";
