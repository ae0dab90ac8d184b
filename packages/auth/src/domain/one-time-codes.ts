/**
 * One-time codes (confirming a registration, resetting a password), kept on the server: the browser
 * holds only which code it is on, never the code or its attempt count, so replaying a browser's state
 * from elsewhere buys no extra guesses. A code is good for 10 minutes and 5 checks, once; asking for a
 * new one voids the old one, and so does the password change it was for.
 */
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { CodePurpose, OneTimeCodeStore, StoredCode } from "./ports";

export const CODE_RULES = { ttlMs: 10 * 60_000, maxAttempts: 5, digits: 6 } as const;

const hashOf = (id: string, code: string) => createHash("sha256").update(`${id}:${code}`).digest("hex");

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type CodeCheck<Payload> =
  | { ok: true; code: StoredCode<Payload> }
  /** Wrong digits; the code may still be tried while attempts are left. */
  | { ok: false; reason: "wrong" }
  /** Expired, used, replaced by a newer code, or out of attempts: only a new code helps. */
  | { ok: false; reason: "spent" };

export const createOneTimeCodes = (deps: {
  store: OneTimeCodeStore;
  now: () => Date;
  newId: () => string;
  /** The digits to send; random unless a test chooses them. */
  generate?: () => string;
}) => {
  const generate =
    deps.generate ?? (() => String(randomInt(0, 10 ** CODE_RULES.digits)).padStart(CODE_RULES.digits, "0"));

  return {
    /** A new code for `email` (voiding any earlier one for the same purpose); returns it to be mailed. */
    async issue<Payload>(purpose: CodePurpose, email: string, payload: Payload) {
      const id = deps.newId();
      const code = generate();
      await deps.store.put({
        purpose,
        email,
        id,
        codeHash: hashOf(id, code),
        attempts: 0,
        expiresAt: new Date(deps.now().getTime() + CODE_RULES.ttlMs),
        verified: false,
        used: false,
        payload,
      });
      return { id, code };
    },

    /** The live, unused code `id` for `email`, if there is one (to resend with the same payload). */
    async current<Payload>(purpose: CodePurpose, email: string, id: string) {
      const stored = await deps.store.get(purpose, email);
      const live = stored && stored.id === id && !stored.used && stored.expiresAt > deps.now();
      return live ? (stored as StoredCode<Payload>) : undefined;
    },

    /** Checks `typed` against code `id`, spending one attempt first (atomically, before comparing). */
    async check<Payload>(
      purpose: CodePurpose,
      email: string,
      id: string,
      typed: string,
    ): Promise<CodeCheck<Payload>> {
      const counted = await deps.store.spendAttempt(purpose, email, id, deps.now(), CODE_RULES.maxAttempts);
      if (!counted) return { ok: false, reason: "spent" };
      if (!sameHash(hashOf(id, typed.trim()), counted.codeHash)) return { ok: false, reason: "wrong" };
      return { ok: true, code: counted as StoredCode<Payload> };
    },

    markVerified: (purpose: CodePurpose, email: string, id: string) =>
      deps.store.markVerified(purpose, email, id, deps.now()),

    /** Spends code `id` for good; false when it was already used, replaced or expired. */
    use: (purpose: CodePurpose, email: string, id: string, opts: { requireVerified: boolean }) =>
      deps.store.use(purpose, email, id, deps.now(), opts),

    /** Voids whatever code `email` has for `purpose`. */
    discard: (purpose: CodePurpose, email: string) => deps.store.remove(purpose, email),
  };
};

export type OneTimeCodes = ReturnType<typeof createOneTimeCodes>;
