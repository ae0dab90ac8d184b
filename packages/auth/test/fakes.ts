import type { Account } from "../src/domain/accounts";
import type {
  AccountRepository,
  AttemptCounter,
  AttemptWindow,
  Mailer,
  MailMessage,
  PasswordStore,
} from "../src/domain/ports";

/*
 * In-memory ports with the semantics of the DynamoDB adapters (src/storage/dynamo.ts): reads return
 * copies, `create` never overwrites, an expired attempt window reads as absent and a new failure opens
 * a fresh one.
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

export class InMemoryAttemptCounter implements AttemptCounter {
  readonly rows = new Map<string, AttemptWindow>();
  async get(key: string, now: Date) {
    const row = this.rows.get(key);
    return row && row.resetsAt > now ? copy(row) : undefined;
  }
  async increment(key: string, now: Date, windowMs: number) {
    const live = await this.get(key, now);
    const next = live
      ? { count: live.count + 1, resetsAt: live.resetsAt }
      : { count: 1, resetsAt: new Date(now.getTime() + windowMs) };
    this.rows.set(key, next);
    return copy(next);
  }
  async clear(key: string) {
    this.rows.delete(key);
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
