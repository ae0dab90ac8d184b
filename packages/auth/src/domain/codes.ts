import { CODE_RULES } from "./one-time-codes";
import type { CodePurpose, MailMessage } from "./ports";

const minutes = CODE_RULES.ttlMs / 60_000;

/** The email carrying a one-time code: what it is for, how long it lasts, and what to do if unasked. */
export const codeMessage = (purpose: CodePurpose, to: string, code: string): MailMessage => ({
  to,
  subject: `Your Tiffin code: ${code}`,
  text: [
    `Your Tiffin code is ${code}.`,
    "",
    purpose === "register"
      ? "Enter it on the page that asked for it to confirm your email address and finish creating your account."
      : "Enter it on the page that asked for it to choose a new password.",
    `It works once, for ${minutes} minutes. Asking for another code makes this one stop working.`,
    "If you did not ask for a code, you can ignore this email: nothing changes without it.",
  ].join("\n"),
});
