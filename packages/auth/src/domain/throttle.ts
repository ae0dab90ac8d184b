/**
 * Throttling of everything that can be guessed or abused: password logins, one-time codes, and codes
 * mailed out. Each attempt is counted BEFORE it is checked: a counter per key (the account, the client
 * address, the recipient…) is reserved atomically, and only if every counter had room is the password
 * or code looked at. So a burst of parallel requests cannot all pass a "not over the limit yet" check
 * and then all be checked: past the limit they are refused without any password being read.
 *
 * Windows are fixed: the first counted attempt opens one, later ones do not extend it. A reserved
 * attempt that turns out to be a success is given back: the account's count is cleared (the person got
 * in) and the address's slot is returned, so the address limit counts failures, never successes.
 */
import { normalizeEmail } from "./accounts";
import type { AttemptCounter } from "./ports";

const WINDOW_MS = 15 * 60_000;

/** What is limited, per 15-minute window. */
export const LIMITS = {
  windowMs: WINDOW_MS,
  /** Password logins: per account, and per client address (shared with code guesses). */
  login: { perAccount: 5, perAddress: 20 },
  /** Guesses of one-time codes (registration, password reset): per email, and per client address. */
  code: { perAccount: 10, perAddress: 20 },
  /**
   * Codes mailed out: per recipient (nobody's inbox is flooded), and per client address asking (a
   * bound on mail sent for one sender; generous, as an office or a school shares one address).
   */
  mail: { perRecipient: 3, perAddress: 50 },
} as const;

export type ThrottledAction = "login" | "code" | "mail";

/** Who is trying: the email the attempt is about and where the request came from. */
export interface Attempt {
  email: string;
  address: string;
}

export interface Reservation {
  allowed: true;
  /** The attempt succeeded: clears the account's count and gives the address its slot back. */
  succeeded(): Promise<void>;
}
export type ThrottleDecision = Reservation | { allowed: false; retryAfterSeconds: number };

interface Counted {
  key: string;
  limit: number;
  /** What a success does to this count. */
  onSuccess: "clear" | "release" | "keep";
}

const keysOf = (action: ThrottledAction, attempt: Attempt): Counted[] => {
  const email = normalizeEmail(attempt.email);
  // The account first: it has the smaller limit, so a burst against one account touches the address
  // counter least.
  switch (action) {
    case "login":
      return [
        { key: `account:${email}`, limit: LIMITS.login.perAccount, onSuccess: "clear" },
        { key: `address:${attempt.address}`, limit: LIMITS.login.perAddress, onSuccess: "release" },
      ];
    case "code":
      return [
        { key: `code:${email}`, limit: LIMITS.code.perAccount, onSuccess: "clear" },
        { key: `address:${attempt.address}`, limit: LIMITS.code.perAddress, onSuccess: "release" },
      ];
    case "mail":
      // Every code sent counts, delivered or not: a success gives nothing back.
      return [
        { key: `mail:${email}`, limit: LIMITS.mail.perRecipient, onSuccess: "keep" },
        { key: `mail-from:${attempt.address}`, limit: LIMITS.mail.perAddress, onSuccess: "keep" },
      ];
  }
};

export const createThrottle = (deps: { attempts: AttemptCounter; now: () => Date }) => ({
  /**
   * Counts this attempt if every counter has room, else counts nothing and says how long to wait.
   * A counter reserved before another one refused is given back.
   */
  async reserve(action: ThrottledAction, attempt: Attempt): Promise<ThrottleDecision> {
    const now = deps.now();
    const reserved: Counted[] = [];
    for (const counted of keysOf(action, attempt)) {
      const outcome = await deps.attempts.reserve(counted.key, counted.limit, now, LIMITS.windowMs);
      if (!outcome.reserved) {
        await Promise.all(reserved.map(({ key }) => deps.attempts.release(key, now)));
        const wait = Math.ceil((outcome.resetsAt.getTime() - now.getTime()) / 1000);
        return { allowed: false, retryAfterSeconds: Math.max(1, wait) };
      }
      reserved.push(counted);
    }
    return {
      allowed: true,
      async succeeded() {
        await Promise.all(
          reserved.map(({ key, onSuccess }) =>
            onSuccess === "clear"
              ? deps.attempts.clear(key)
              : onSuccess === "release"
                ? deps.attempts.release(key, deps.now())
                : undefined,
          ),
        );
      },
    };
  },
});

export type Throttle = ReturnType<typeof createThrottle>;

/** "45 seconds", "1 minute", "12 minutes": how long to wait, in words a person reads. */
export const waitInWords = (seconds: number): string => {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
};
