import type { Account } from "../domain/accounts";
import type { AccountRepository, PasswordStore } from "../domain/ports";
import { DEMO_PASSWORD, demoAccounts } from "./accounts";

export interface SeedDeps {
  accounts: AccountRepository;
  passwords: PasswordStore;
  now: () => Date;
}

const sameAccess = (a: Omit<Account, "createdAt">, b: Omit<Account, "createdAt">) =>
  a.name === b.name && a.role === b.role && JSON.stringify(a.restaurants) === JSON.stringify(b.restaurants);

/**
 * Makes the demo accounts exist with their documented roles and password, whatever the local data holds:
 * missing ones are created, changed ones put back (keeping their id), a changed password reset.
 * Running it again changes nothing.
 */
export const seedDemoAccounts = async (deps?: SeedDeps) => {
  // Built only when not given: the real adapters read `Resource.*` (local mode sets it before seeding).
  const { accounts, passwords, now } = deps ?? (await import("../wiring")).createSeedDeps();
  const out = { created: 0, updated: 0, passwordsSet: 0 };
  for (const demo of demoAccounts) {
    const existing = await accounts.byEmail(demo.email);
    if (!existing) {
      const result = await accounts.create({ ...demo, createdAt: now().toISOString() });
      if (result === "created") out.created++;
    } else if (!sameAccess(existing, demo)) {
      await accounts.save({ ...demo, id: existing.id, createdAt: existing.createdAt });
      out.updated++;
    }
    if (!(await passwords.matches(demo.email, DEMO_PASSWORD))) {
      await passwords.set(demo.email, DEMO_PASSWORD);
      out.passwordsSet++;
    }
  }
  return out;
};

export { DEMO_PASSWORD, demoAccounts } from "./accounts";
