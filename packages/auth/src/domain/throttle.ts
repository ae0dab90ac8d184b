/**
 * Login throttling: failed attempts are counted per account and per client address, each in a fixed
 * window. While either is over its limit every attempt is refused before any password is checked, so
 * guessing costs the attacker time, not us CPU. A success clears the account's count (the person
 * got in), never the address's (one valid account must not buy an address unlimited guesses).
 */
import { normalizeEmail } from "./accounts";
import type { AttemptCounter, AttemptWindow } from "./ports";

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const LOGIN_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Who is trying: the email typed (when the form has one) and where the request came from. */
export interface Attempt {
  email?: string;
  address: string;
}

const accountKey = (email: string) => `account:${normalizeEmail(email)}`;
const addressKey = (address: string) => `address:${address}`;

export const createLoginThrottle = (deps: {
  attempts: AttemptCounter;
  now: () => Date;
  limits?: ThrottleLimits;
}) => {
  const limits = deps.limits ?? LOGIN_LIMITS;
  const keysOf = (attempt: Attempt) => [
    { key: addressKey(attempt.address), limit: limits.perAddress },
    ...(attempt.email ? [{ key: accountKey(attempt.email), limit: limits.perAccount }] : []),
  ];

  return {
    limits,

    async check(attempt: Attempt): Promise<ThrottleDecision> {
      const now = deps.now();
      const windows = await Promise.all(
        keysOf(attempt).map(async ({ key, limit }) => ({ limit, window: await deps.attempts.get(key, now) })),
      );
      const blocking = windows
        .map(({ limit, window }) => (window && window.count >= limit ? window : undefined))
        .filter((w): w is AttemptWindow => w !== undefined);
      if (blocking.length === 0) return { allowed: true };
      // Every blocking window must have ended before an attempt is allowed again.
      const until = Math.max(...blocking.map((w) => w.resetsAt.getTime()));
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
    },

    async failed(attempt: Attempt): Promise<void> {
      const now = deps.now();
      await Promise.all(keysOf(attempt).map(({ key }) => deps.attempts.increment(key, now, limits.windowMs)));
    },

    async succeeded(attempt: Required<Attempt>): Promise<void> {
      await deps.attempts.clear(accountKey(attempt.email));
    },
  };
};

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/** "45 seconds", "1 minute", "12 minutes": how long to wait, in words a person reads. */
export const waitInWords = (seconds: number): string => {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
};
