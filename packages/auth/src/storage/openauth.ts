import { DynamoStorage, type DynamoStorageOptions } from "@openauthjs/openauth/storage/dynamo";
import { type StorageAdapter, splitKey } from "@openauthjs/openauth/storage/storage";

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
