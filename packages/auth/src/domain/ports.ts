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

export interface AttemptWindow {
  count: number;
  /** When this window ends and the count starts again from zero. */
  resetsAt: Date;
}

/** Failed-attempt counters with an expiry (fixed windows). */
export interface AttemptCounter {
  /** The live window for `key`, or undefined when there is none (never failed, or expired). */
  get(key: string, now: Date): Promise<AttemptWindow | undefined>;
  /** Counts one failure: opens a window of `windowMs` when none is live. */
  increment(key: string, now: Date, windowMs: number): Promise<AttemptWindow>;
  clear(key: string): Promise<void>;
}

/** OpenAuth's password records (the hashes its password provider checks). */
export interface PasswordStore {
  /** Whether `password` is the one stored for `email` (false when none is stored). */
  matches(email: string, password: string): Promise<boolean>;
  set(email: string, password: string): Promise<void>;
}
