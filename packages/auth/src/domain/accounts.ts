/**
 * Accounts: who may sign in, and as what. Plain TypeScript; the issuer turns an account into the
 * token's `Actor` (packages/kit/src/auth.ts), whose shape `Account` carries field for field.
 */
import type { AccountRepository } from "./ports";

export const accountRoles = ["customer", "restaurant", "courier", "agent", "operator"] as const;
export type AccountRole = (typeof accountRoles)[number];

export interface RestaurantMembership {
  id: string;
  role: "owner" | "staff";
}

export interface Account {
  /** Stable id: the token subject, never reused, never derived from the email. */
  id: string;
  /** Lower-case; the login name. */
  email: string;
  name: string;
  role: AccountRole;
  /** For restaurant staff: the restaurants they work for, and as what. Empty for other roles. */
  restaurants: RestaurantMembership[];
  createdAt: string;
  /** Set by an operator: the account can no longer sign in, and its sessions stop at the next refresh. */
  disabled?: boolean;
}

/**
 * Exactly what OpenAuth's password provider does to an email (lower-case, nothing else), so an account
 * and the password record OpenAuth keeps for it always have the same key.
 */
export const normalizeEmail = (email: string) => email.toLowerCase();

/** The part before the `@`: a new customer's name until they choose one. */
export const nameFromEmail = (email: string) => normalizeEmail(email).split("@")[0] || email;

/** What a token says about its holder (the kit's `Actor`). */
export const actorOf = (account: Account) => ({
  id: account.id,
  email: account.email,
  name: account.name,
  role: account.role,
  restaurants: account.restaurants.map((r) => ({ id: r.id, role: r.role })),
});

export interface AccountDeps {
  accounts: AccountRepository;
  newId: () => string;
  now: () => Date;
}

/**
 * The account behind a successful password login or registration. Anyone who proved an email address
 * (by its code, or its password) and has no account yet becomes a customer, named as they chose; staff,
 * courier and agent accounts are only ever created by an operator (today: the demo seed).
 */
export const accountForSignIn =
  ({ accounts, newId, now }: AccountDeps) =>
  async (rawEmail: string, chosen: { name?: string } = {}): Promise<Account> => {
    const email = normalizeEmail(rawEmail);
    const existing = await accounts.byEmail(email);
    if (existing) return existing;
    const account: Account = {
      id: newId(),
      email,
      // Registration checked the name (domain/names.ts); kept exactly as typed.
      name: chosen.name ?? nameFromEmail(email),
      role: "customer",
      restaurants: [],
      createdAt: now().toISOString(),
    };
    if ((await accounts.create(account)) === "created") return account;
    // Two first logins raced: the other one created it; both get the same account.
    const winner = await accounts.byEmail(email);
    if (!winner) throw new Error(`account ${email} was neither created nor found`);
    return winner;
  };
