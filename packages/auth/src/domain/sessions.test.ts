import { DomainError } from "@tiffin/kit/domain-error";
import { describe, expect, it } from "vitest";
import { InMemoryAccounts, InMemoryRefreshTokens } from "../../test/fakes";
import type { Account } from "./accounts";
import { currentActor, revokeSessions } from "./sessions";

const giulia: Account = {
  id: "giulia-1",
  email: "giulia@nonna.tiffin.test",
  name: "Giulia",
  role: "restaurant",
  restaurants: [{ id: "nonna-rosa", role: "staff" }],
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("currentActor (what a refreshed token says)", () => {
  it("is the account as it is now", async () => {
    const accounts = new InMemoryAccounts();
    await accounts.save({ ...giulia, restaurants: [] });
    expect(await currentActor({ accounts })("giulia-1", "giulia@nonna.tiffin.test")).toEqual({
      id: "giulia-1",
      email: "giulia@nonna.tiffin.test",
      name: "Giulia",
      role: "restaurant",
      restaurants: [],
    });
  });

  it("is nothing for an account that is gone, disabled, or now another account under that email", async () => {
    const accounts = new InMemoryAccounts();
    expect(await currentActor({ accounts })("giulia-1", giulia.email)).toBeUndefined();
    await accounts.save({ ...giulia, disabled: true });
    expect(await currentActor({ accounts })("giulia-1", giulia.email)).toBeUndefined();
    await accounts.save({ ...giulia, id: "someone-else" });
    expect(await currentActor({ accounts })("giulia-1", giulia.email)).toBeUndefined();
  });
});

describe("revokeSessions", () => {
  it("revokes every refresh token of the account, found by email in any case", async () => {
    const accounts = new InMemoryAccounts();
    const refreshTokens = new InMemoryRefreshTokens();
    await accounts.save(giulia);
    refreshTokens.bySubject.set("giulia-1", ["t1", "t2"]);
    refreshTokens.bySubject.set("other", ["t3"]);
    expect(await revokeSessions({ accounts, refreshTokens })("Giulia@Nonna.Tiffin.Test")).toEqual({
      email: "giulia@nonna.tiffin.test",
      revoked: 2,
    });
    expect(refreshTokens.bySubject.has("giulia-1")).toBe(false);
    expect(refreshTokens.bySubject.get("other")).toEqual(["t3"]);
  });

  it("refuses an email without an account (404), revoking nothing", async () => {
    const refreshTokens = new InMemoryRefreshTokens();
    refreshTokens.bySubject.set("other", ["t3"]);
    const error = await revokeSessions({ accounts: new InMemoryAccounts(), refreshTokens })(
      "nobody@example.com",
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      kind: "not_found",
      message: "There is no account with the email nobody@example.com.",
    });
    expect(refreshTokens.bySubject.size).toBe(1);
  });
});
