import { createCallerFactory, createLogger } from "@tiffin/kit";
import { type Actor, roles } from "@tiffin/kit/actor";
import { anActor, contextFor, refusalOf } from "@tiffin/kit/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { InMemoryAccounts, InMemoryRefreshTokens } from "../test/fakes";
import { createAuthService } from "./domain/auth-service";
import { createAuthRouter } from "./router";

const logger = createLogger("auth-test");
logger.setLogLevel("SILENT");

const setup = () => {
  const accounts = new InMemoryAccounts();
  const refreshTokens = new InMemoryRefreshTokens();
  const router = createAuthRouter(createAuthService({ accounts, refreshTokens }));
  const caller = (actor: Actor | undefined, authError?: string) =>
    createCallerFactory(router)({ correlationId: "corr-test", logger, actor, authError });
  return { accounts, refreshTokens, router, caller };
};

const courier: Actor = {
  id: "5b0c2f4e-8d1a-4c3b-9e6f-000000000011",
  email: "courier1@tiffin.test",
  name: "Courier 1",
  role: "courier",
  restaurants: [],
};
const operator = anActor({ id: "op-1", email: "operator@tiffin.test", role: "operator" });

describe("auth router: me", () => {
  it.each(roles)("answers a signed-in %s with their actor", async (role) => {
    const actor = { ...courier, role };
    expect(await setup().caller(actor).me()).toEqual(actor);
  });

  it("refuses an anonymous caller with 401", async () => {
    const error = await setup()
      .caller(undefined)
      .me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("UNAUTHORIZED");
    expect((error as TRPCError).message).toBe("Sign in to continue.");
  });

  it("says why a token was refused", async () => {
    const error = await setup()
      .caller(undefined, "Your session has expired. Sign in again.")
      .me()
      .catch((e: unknown) => e);
    expect((error as TRPCError).message).toBe("Your session has expired. Sign in again.");
  });
});

describe("auth router: revokeSessions", () => {
  it("lets an operator revoke every refresh token of an account", async () => {
    const { accounts, refreshTokens, caller } = setup();
    await accounts.save({
      ...courier,
      createdAt: "2026-01-01T00:00:00.000Z",
    });
    refreshTokens.bySubject.set(courier.id, ["a", "b", "c"]);
    expect(await caller(operator).revokeSessions({ email: "Courier1@tiffin.test" })).toEqual({
      email: "courier1@tiffin.test",
      revoked: 3,
    });
    expect(refreshTokens.bySubject.has(courier.id)).toBe(false);
  });

  it.each(roles.filter((r) => r !== "operator"))("refuses a %s with 403", async (role) => {
    const { router, refreshTokens, caller } = setup();
    refreshTokens.bySubject.set(courier.id, ["a"]);
    const actor = anActor({ role });
    const refusal = await refusalOf(
      router,
      contextFor("auth", "corr-test", actor),
      caller(actor).revokeSessions({ email: courier.email }),
    );
    expect(refusal).toMatchObject({ code: "FORBIDDEN", message: "This needs an operator account." });
    expect(refreshTokens.bySubject.get(courier.id)).toEqual(["a"]);
  });

  it("refuses anonymous callers with 401", async () => {
    const { router, caller } = setup();
    const refusal = await refusalOf(
      router,
      contextFor("auth", "corr-test", null),
      caller(undefined).revokeSessions({ email: courier.email }),
    );
    expect(refusal.code).toBe("UNAUTHORIZED");
  });

  it.each([
    [{ email: "not an email" }, "Enter the account's email address."],
    [{}, "Enter the account's email address."],
    [{ email: `${"a".repeat(250)}@example.com` }, "An email address has at most 254 characters."],
    [{ email: 42 }, "Enter the account's email address."],
    [{ email: "courier1@tiffin.test", extra: true }, /extra|Unrecognized/i],
  ])("refuses input %j with 400 and a message", async (input, message) => {
    const { router, caller } = setup();
    const refusal = await refusalOf(
      router,
      contextFor("auth", "corr-test", operator),
      caller(operator).revokeSessions(input as { email: string }),
    );
    expect(refusal.code).toBe("BAD_REQUEST");
    expect(refusal.message).toMatch(message);
  });

  it("answers 404 for an email with no account", async () => {
    const { router, caller } = setup();
    const refusal = await refusalOf(
      router,
      contextFor("auth", "corr-test", operator),
      caller(operator).revokeSessions({ email: "nobody@example.com" }),
    );
    expect(refusal).toMatchObject({
      code: "NOT_FOUND",
      message: "There is no account with the email nobody@example.com.",
    });
  });
});
