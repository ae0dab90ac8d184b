import type { MailMessage } from "./ports";

/**
 * The email carrying a one-time code. OpenAuth sends the same kind of code to confirm a registration and
 * to reset a password, and does not tell us which, so the wording fits both.
 */
export const codeMessage = (to: string, code: string): MailMessage => ({
  to,
  subject: `Your Tiffin code: ${code}`,
  text: [
    `Your Tiffin code is ${code}.`,
    "",
    "Enter it on the page that asked for it to confirm your email address or to choose a new password.",
    "If you did not ask for a code, you can ignore this email: nothing changes without it.",
  ].join("\n"),
});
