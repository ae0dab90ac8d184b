/**
 * Accounts: who may sign in, and as what. Plain TypeScript; an account is the token's `Actor` (the kit's
 * one schema, @tiffin/kit/actor) plus what only the auth service keeps about it.
 */
import type { Actor } from "@tiffin/kit/actor";
import type { AccountRepository } from "./ports";

/**
 * `id` is the token subject, never reused, never derived from the email; `email` is lower-case, the login
 * name; `restaurants` is empty for every role but restaurant staff.
 */
export interface Account extends Actor {
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
export const actorOf = (account: Account): Actor => ({
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
