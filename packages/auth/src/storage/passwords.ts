import { ScryptHasher } from "@openauthjs/openauth/provider/password";
import { Storage, type StorageAdapter } from "@openauthjs/openauth/storage/storage";
import type { PasswordStore } from "../domain/ports";

/** The issuer's PasswordProvider and the demo seed must hash alike: both use this. */
export const passwordHasher = ScryptHasher();
type PasswordHash = Awaited<ReturnType<typeof passwordHasher.hash>>;

/** Where OpenAuth's password provider keeps an email's hash (its key, not ours). */
const passwordKey = (email: string) => ["email", email, "password"];

export const openAuthPasswords = (
  storage: StorageAdapter,
): PasswordStore & {
  exists(email: string): Promise<boolean>;
} => ({
  async exists(email) {
    return (await Storage.get<PasswordHash>(storage, passwordKey(email))) !== null;
  },
  async matches(email, password) {
    const hash = await Storage.get<PasswordHash>(storage, passwordKey(email));
    return hash ? passwordHasher.verify(password, hash) : false;
  },
  async set(email, password) {
    await Storage.set(storage, passwordKey(email), await passwordHasher.hash(password));
  },
});

let decoy: Promise<PasswordHash> | undefined;
/**
 * Spends the time one password check takes. A login for an unknown email would otherwise answer
 * faster than a wrong password for a real one, telling an attacker which emails have accounts.
 */
export const spendPasswordCheck = async (password: string) => {
  decoy ??= passwordHasher.hash("not-a-password");
  await passwordHasher.verify(password, await decoy);
};
