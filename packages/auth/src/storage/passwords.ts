import { ScryptHasher } from "@openauthjs/openauth/provider/password";
import { Storage, type StorageAdapter } from "@openauthjs/openauth/storage/storage";
import type { PasswordStore } from "../domain/ports";

/** The issuer's password login and the demo seed must hash alike: both use this. */
export const passwordHasher = ScryptHasher();
export type PasswordHash = Awaited<ReturnType<typeof passwordHasher.hash>>;

/** Where OpenAuth's password provider keeps an email's hash (its key, kept so existing records work). */
const passwordKey = (email: string) => ["email", email, "password"];

let decoy: Promise<PasswordHash> | undefined;
/**
 * Spends the time one password check takes. A login for an unknown email would otherwise answer
 * faster than a wrong password for a real one, telling an attacker which emails have accounts.
 */
export const spendPasswordCheck = async (password: string) => {
  decoy ??= passwordHasher.hash("not-a-password");
  await passwordHasher.verify(password, await decoy);
};

export const openAuthPasswords = (storage: StorageAdapter) => {
  const hashOf = (email: string) => Storage.get<PasswordHash>(storage, passwordKey(email));
  return {
    async exists(email: string) {
      const hash = await hashOf(email);
      return hash !== null && hash !== undefined;
    },
    /** Whether `password` is the one stored for `email`; as slow when no password is stored. */
    async matches(email: string, password: string) {
      const hash = await hashOf(email);
      if (!hash) {
        await spendPasswordCheck(password);
        return false;
      }
      return passwordHasher.verify(password, hash);
    },
    async set(email: string, password: string) {
      await Storage.set(storage, passwordKey(email), await passwordHasher.hash(password));
    },
    /** Stores a hash made earlier (a registration hashes the password before its email is confirmed). */
    async setHash(email: string, hash: PasswordHash) {
      await Storage.set(storage, passwordKey(email), hash);
    },
    hash: (password: string) => passwordHasher.hash(password),
  } satisfies PasswordStore & Record<string, unknown>;
};

export type PasswordRecords = ReturnType<typeof openAuthPasswords>;
