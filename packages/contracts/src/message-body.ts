/**
 * The body of an SQS message or SNS notification: the event as JSON with every UTF-16 code unit from
 * U+007F up written as a `\uXXXX` escape, so the body is printable ASCII only. SQS refuses some
 * characters (U+FFFE, U+FFFF, anything outside #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD |
 * #x10000-#x10FFFF) and fauxqs refuses every astral one (emoji); an escaped body is always accepted, and
 * `JSON.parse` gives back exactly the original strings, so consumers need nothing special.
 */
export const encodeMessageBody = (event: object): string =>
  JSON.stringify(event).replace(
    /[\u007f-\uffff]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
