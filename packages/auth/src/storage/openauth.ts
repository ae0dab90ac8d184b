import { DynamoStorage, type DynamoStorageOptions } from "@openauthjs/openauth/storage/dynamo";
import { Storage, type StorageAdapter, splitKey } from "@openauthjs/openauth/storage/storage";
import type { RefreshTokens } from "../domain/ports";

/**
 * OpenAuth's DynamoStorage with one fix (OpenAuth 0.4.3): its `scan` yields keys as the two joined
 * strings it stores (pk, sk), while OpenAuth's callers pass scanned keys back to `remove` as key parts,
 * which strips the joiner and deletes nothing. So "revoke every refresh token of this subject" (after a
 * password change, or on refresh-token reuse) silently revoked none. Here `scan` yields the parts, as
 * OpenAuth's MemoryStorage does.
 */
export const openAuthDynamoStorage = (options: DynamoStorageOptions): StorageAdapter => {
  const storage = DynamoStorage(options);
  return {
    get: (key) => storage.get(key),
    set: (key, value, expiry) => storage.set(key, value, expiry),
    remove: (key) => storage.remove(key),
    async *scan(prefix) {
      for await (const [key, value] of storage.scan(prefix)) yield [key.flatMap(splitKey), value];
    },
  };
};

/** Where OpenAuth files a subject's refresh tokens: `oauth:refresh` / <subject> / <token id>. */
const REFRESH = "oauth:refresh";

/** The refresh tokens in OpenAuth's storage: revoking a subject's is what a password reset does too. */
export const openAuthRefreshTokens = (storage: StorageAdapter): RefreshTokens => ({
  async revokeAll(subject) {
    // Collected first: removing while the scan pages on could skip records.
    const keys: string[][] = [];
    for await (const [key] of Storage.scan(storage, [REFRESH, subject])) keys.push(key);
    for (const key of keys) await Storage.remove(storage, key);
    return keys.length;
  },
});

/** The part of OpenAuth's refresh record this cares about (it stores the token's claims with it). */
interface RefreshRecord {
  subject: string;
  properties: { email: string };
}
const isRefreshRecord = (value: unknown): value is RefreshRecord => {
  const v = value as Partial<RefreshRecord> | null;
  return typeof v?.subject === "string" && typeof v.properties?.email === "string";
};

/**
 * OpenAuth 0.4.3 copies a login's claims into its refresh record and signs every refreshed access token
 * from that copy, so roles and restaurant memberships would stay as they were at login for the life of
 * the refresh chain (30 days). This storage reads the account anew whenever OpenAuth reads a refresh
 * record: the claims become the account's current ones, and an account that is gone or disabled reads
 * as no record at all, which OpenAuth answers with `invalid_grant`.
 */
export const withCurrentAccounts = (
  storage: StorageAdapter,
  currentActor: (subject: string, email: string) => Promise<object | undefined>,
): StorageAdapter => ({
  ...storage,
  async get(key) {
    const value = await storage.get(key);
    if (key[0] !== REFRESH || !isRefreshRecord(value)) return value;
    const actor = await currentActor(value.subject, value.properties.email);
    return actor ? { ...value, properties: actor } : undefined;
  },
});
