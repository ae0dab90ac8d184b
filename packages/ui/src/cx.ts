/** Joins class names, skipping falsy ones, so variants read as plain conditions. */
export const cx = (...classes: (string | false | null | undefined)[]): string =>
  classes.filter(Boolean).join(" ");
