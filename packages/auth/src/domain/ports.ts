import type { Account } from "./accounts";

export interface AccountRepository {
  byEmail(email: string): Promise<Account | undefined>;
  /** Creates the account unless one with that email exists ("exists": nothing was written). */
  create(account: Account): Promise<"created" | "exists">;
  /** Writes the account as given (operator and seed use: roles and restaurants may change). */
  save(account: Account): Promise<void>;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends an email: SES in AWS, the dev mailbox locally. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface StoredMail extends MailMessage {
  id: string;
  sentAt: string;
}

/** The dev mailbox's read side: what a person (or a test) reads codes from. */
export interface MailboxReader {
  /** Newest first; only messages to `to` when given. */
  list(query: { to?: string; limit: number }): Promise<StoredMail[]>;
}

/** Attempt counters with an expiry (fixed windows), safe under concurrency. */
export interface AttemptCounter {
  /**
   * Atomically counts one attempt for `key` unless its live window already holds `limit` (then nothing
   * is counted and the window's end is returned). Opens a window of `windowMs` when none is live.
   */
  reserve(
    key: string,
    limit: number,
    now: Date,
    windowMs: number,
  ): Promise<{ reserved: true } | { reserved: false; resetsAt: Date }>;
  /** Gives one counted attempt back (never below zero); nothing when the window has ended. */
  release(key: string, now: Date): Promise<void>;
  clear(key: string): Promise<void>;
}

export type CodePurpose = "register" | "reset";

/** A one-time code as the server keeps it; the code itself is never stored, only its hash. */
export interface StoredCode<Payload = unknown> {
  purpose: CodePurpose;
  email: string;
  /** Which code this is: a new code for the same email and purpose replaces (voids) the old one. */
  id: string;
  codeHash: string;
  /** Checks spent so far, counted before each comparison. */
  attempts: number;
  expiresAt: Date;
  /** Set once the right code was entered (a reset then still needs its new password). */
  verified: boolean;
  /** Set when the code did what it was for; it is then never accepted again. */
  used: boolean;
  /** What the code confirms, e.g. a pending registration's password hash and name. */
  payload: Payload;
}

export interface OneTimeCodeStore {
  /** Stores `code`, replacing any earlier one for the same email and purpose. */
  put(code: StoredCode): Promise<void>;
  get(purpose: CodePurpose, email: string): Promise<StoredCode | undefined>;
  /**
   * Atomically counts one check of code `id`, only while it is the current code, live, unused and
   * under `maxAttempts`; returns it as counted, or undefined when it can no longer be tried.
   */
  spendAttempt(
    purpose: CodePurpose,
    email: string,
    id: string,
    now: Date,
    maxAttempts: number,
  ): Promise<StoredCode | undefined>;
  /** Marks code `id` verified, if it is still the current, live, unused code. */
  markVerified(purpose: CodePurpose, email: string, id: string, now: Date): Promise<boolean>;
  /** Marks code `id` used, exactly once (false: already used, replaced or expired). */
  use(
    purpose: CodePurpose,
    email: string,
    id: string,
    now: Date,
    opts: { requireVerified: boolean },
  ): Promise<boolean>;
  remove(purpose: CodePurpose, email: string): Promise<void>;
}

/** The refresh tokens OpenAuth keeps per subject (account id). */
export interface RefreshTokens {
  /** Revokes every refresh token of `subject`; returns how many there were. */
  revokeAll(subject: string): Promise<number>;
}

/** OpenAuth's password records (the hashes its password provider checks). */
export interface PasswordStore {
  /** Whether `password` is the one stored for `email` (false when none is stored). */
  matches(email: string, password: string): Promise<boolean>;
  set(email: string, password: string): Promise<void>;
}
