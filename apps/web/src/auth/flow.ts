import { z } from "zod";
import { safeNextPath } from "./safe-next";

/**
 * One sign-in attempt, kept in a short-lived HttpOnly cookie between `/auth/login` and `/auth/callback`:
 * the OAuth `state` (ties the callback to this browser, so nobody can log you into their account), the
 * PKCE verifier (the code is useless without it), where to go afterwards, and the exact redirect URI the
 * code was issued for.
 */
export const LoginFlow = z.strictObject({
  state: z.string().min(16).max(128),
  verifier: z.string().min(43).max(128),
  next: z.string().transform(safeNextPath),
  redirectUri: z.url({ protocol: /^https?$/ }),
});
export type LoginFlow = z.infer<typeof LoginFlow>;

export const encodeFlow = (flow: LoginFlow): string =>
  Buffer.from(JSON.stringify(flow), "utf8").toString("base64url");

export const decodeFlow = (raw: string | undefined): LoginFlow | undefined => {
  if (!raw || raw.length > 2048) return undefined;
  try {
    const parsed = LoginFlow.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** The query the issuer sends back to `/auth/callback`: a code and our state, or an OAuth error. */
export const CallbackQuery = z.union([
  z.object({ error: z.string().max(200), state: z.string().max(128).optional() }),
  z.object({ code: z.string().min(1).max(256), state: z.string().min(1).max(128) }),
]);

/** Why a sign-in didn't finish, as a word the sign-in page turns into a sentence (never free text). */
export const signInProblems = ["expired", "failed", "denied", "unavailable"] as const;
export type SignInProblem = (typeof signInProblems)[number];
export const isSignInProblem = (value: unknown): value is SignInProblem =>
  typeof value === "string" && (signInProblems as readonly string[]).includes(value);
