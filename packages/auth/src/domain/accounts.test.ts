import { describe, expect, it } from "vitest";
import { InMemoryAccounts, manualClock, sequentialIds } from "../../test/fakes";
import { type Account, accountForSignIn, actorOf, nameFromEmail, normalizeEmail } from "./accounts";

const setup = () => {
  const accounts = new InMemoryAccounts();
  const clock = manualClock();
  return { accounts, clock, signIn: accountForSignIn({ accounts, newId: sequentialIds(), now: clock.now }) };
};

const owner: Account = {
  id: "owner-1",
  email: "owner@bombay.tiffin.test",
  name: "Priya",
  role: "restaurant",
  restaurants: [{ id: "bombay-tiffin-house", role: "owner" }],
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("accountForSignIn", () => {
  it("makes a first sign-in a customer named after the email's local part", async () => {
    const { signIn, accounts } = setup();
    const account = await signIn("Ada.Lovelace@Example.com");
    expect(account).toEqual({
      id: "00000000-0000-4000-8000-000000000001",
      email: "ada.lovelace@example.com",
      name: "ada.lovelace",
      role: "customer",
      restaurants: [],
      createdAt: "2026-03-01T12:00:00.000Z",
    });
    expect(await accounts.byEmail("ada.lovelace@example.com")).toEqual(account);
  });

  it("returns the existing account unchanged, whatever its role, under any capitalisation", async () => {
    const { signIn, accounts } = setup();
    await accounts.save(owner);
    expect(await signIn("OWNER@bombay.tiffin.test")).toEqual(owner);
    expect(accounts.rows.size).toBe(1);
  });

  it("keeps one account, with one stable id, over repeated sign-ins", async () => {
    const { signIn } = setup();
    const first = await signIn("sam@example.com");
    const again = await signIn("sam@example.com");
    expect(again.id).toBe(first.id);
  });

  it("gives two racing first sign-ins the same account (the one that was written)", async () => {
    const winner: Account = { ...owner, email: "race@example.com", role: "customer", restaurants: [] };
    /** The other request writes the account between this one's read and its own write. */
    class RacingAccounts extends InMemoryAccounts {
      override async create(account: Account) {
        await this.save(winner);
        return super.create(account);
      }
    }
    const signIn = accountForSignIn({
      accounts: new RacingAccounts(),
      newId: sequentialIds(),
      now: manualClock().now,
    });
    expect(await signIn("race@example.com")).toEqual(winner);
  });
});

describe("actorOf", () => {
  it("carries exactly what a token says about its holder", () => {
    expect(actorOf(owner)).toEqual({
      id: "owner-1",
      email: "owner@bombay.tiffin.test",
      name: "Priya",
      role: "restaurant",
      restaurants: [{ id: "bombay-tiffin-house", role: "owner" }],
    });
  });
});

describe("email helpers", () => {
  it("lower-cases an email and changes nothing else, exactly as OpenAuth keys its password records", () => {
    expect(normalizeEmail("Mixed.Case+Tag@Example.COM")).toBe("mixed.case+tag@example.com");
    expect(normalizeEmail(" a@b.c")).toBe(" a@b.c");
  });

  it("names a customer after the local part", () => {
    expect(nameFromEmail("jo.bloggs+food@example.com")).toBe("jo.bloggs+food");
  });
});
