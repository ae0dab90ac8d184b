import type { Account } from "../src/domain/accounts";
import type {
  AccountRepository,
  AttemptCounter,
  CodePurpose,
  Mailer,
  MailMessage,
  OneTimeCodeStore,
  PasswordStore,
  RefreshTokens,
  StoredCode,
} from "../src/domain/ports";

/*
 * In-memory ports with the semantics of the DynamoDB adapters (src/storage/dynamo.ts): reads return
 * copies, `create` never overwrites, an expired attempt window counts as none and a new attempt opens
 * a fresh one, conditional updates apply whole or not at all.
 */
const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryAccounts implements AccountRepository {
  readonly rows = new Map<string, Account>();
  async byEmail(email: string) {
    const row = this.rows.get(email);
    return row && copy(row);
  }
  async create(account: Account) {
    if (this.rows.has(account.email)) return "exists" as const;
    this.rows.set(account.email, copy(account));
    return "created" as const;
  }
  async save(account: Account) {
    this.rows.set(account.email, copy(account));
  }
}

interface Window {
  count: number;
  resetsAt: Date;
}

export class InMemoryAttemptCounter implements AttemptCounter {
  readonly rows = new Map<string, Window>();
  private live(key: string, now: Date) {
    const row = this.rows.get(key);
    return row && row.resetsAt > now ? row : undefined;
  }
  count(key: string, now: Date) {
    return this.live(key, now)?.count ?? 0;
  }
  async reserve(key: string, limit: number, now: Date, windowMs: number) {
    const live = this.live(key, now);
    if (live && live.count >= limit) return { reserved: false as const, resetsAt: new Date(live.resetsAt) };
    this.rows.set(
      key,
      live ? { ...live, count: live.count + 1 } : { count: 1, resetsAt: new Date(now.getTime() + windowMs) },
    );
    return { reserved: true as const };
  }
  async release(key: string, now: Date) {
    const live = this.live(key, now);
    if (live && live.count > 0) this.rows.set(key, { ...live, count: live.count - 1 });
  }
  async clear(key: string) {
    this.rows.delete(key);
  }
}

export class InMemoryCodes implements OneTimeCodeStore {
  readonly rows = new Map<string, StoredCode>();
  private key = (purpose: CodePurpose, email: string) => `${purpose}#${email}`;
  private liveCode(purpose: CodePurpose, email: string, id: string, now: Date) {
    const row = this.rows.get(this.key(purpose, email));
    return row && row.id === id && row.expiresAt > now && !row.used ? row : undefined;
  }
  async put(code: StoredCode) {
    this.rows.set(this.key(code.purpose, code.email), copy(code));
  }
  async get(purpose: CodePurpose, email: string) {
    const row = this.rows.get(this.key(purpose, email));
    return row && copy(row);
  }
  async spendAttempt(purpose: CodePurpose, email: string, id: string, now: Date, maxAttempts: number) {
    const row = this.liveCode(purpose, email, id, now);
    if (!row || row.attempts >= maxAttempts) return undefined;
    row.attempts++;
    return copy(row);
  }
  async markVerified(purpose: CodePurpose, email: string, id: string, now: Date) {
    const row = this.liveCode(purpose, email, id, now);
    if (row) row.verified = true;
    return row !== undefined;
  }
  async use(purpose: CodePurpose, email: string, id: string, now: Date, opts: { requireVerified: boolean }) {
    const row = this.liveCode(purpose, email, id, now);
    if (!row || (opts.requireVerified && !row.verified)) return false;
    row.used = true;
    return true;
  }
  async remove(purpose: CodePurpose, email: string) {
    this.rows.delete(this.key(purpose, email));
  }
}

/** Refresh tokens per subject, as ids. */
export class InMemoryRefreshTokens implements RefreshTokens {
  readonly bySubject = new Map<string, string[]>();
  async revokeAll(subject: string) {
    const n = this.bySubject.get(subject)?.length ?? 0;
    this.bySubject.delete(subject);
    return n;
  }
}

/** Stores passwords in clear: it stands in for OpenAuth's hashed records, whose hashing is not under test. */
export class InMemoryPasswords implements PasswordStore {
  readonly rows = new Map<string, string>();
  writes = 0;
  async matches(email: string, password: string) {
    return this.rows.get(email) === password;
  }
  async set(email: string, password: string) {
    this.writes++;
    this.rows.set(email, password);
  }
}

export class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage) {
    this.sent.push(copy(message));
  }
}

/** A clock the test moves by hand. */
export const manualClock = (start = new Date("2026-03-01T12:00:00.000Z")) => {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
};

/** Ids 1, 2, 3… as UUID-shaped strings, so tests can name them. */
export const sequentialIds = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
};
