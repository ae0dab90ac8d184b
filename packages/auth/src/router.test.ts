import { createCallerFactory, createLogger } from "@tiffin/kit";
import type { Actor } from "@tiffin/kit/auth";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createAuthRouter } from "./router";

const logger = createLogger("auth-test");
logger.setLogLevel("SILENT");
const caller = (actor: Actor | undefined, authError?: string) =>
  createCallerFactory(createAuthRouter())({ correlationId: "corr-test", logger, actor, authError });

const courier: Actor = {
  id: "5b0c2f4e-8d1a-4c3b-9e6f-000000000011",
  email: "courier1@tiffin.test",
  name: "Courier 1",
  role: "courier",
  restaurants: [],
};

describe("auth router: me", () => {
  it.each(["customer", "restaurant", "courier", "agent", "operator"] as const)(
    "answers a signed-in %s with their actor",
    async (role) => {
      const actor = { ...courier, role };
      expect(await caller(actor).me()).toEqual(actor);
    },
  );

  it("refuses an anonymous caller with 401", async () => {
    const error = await caller(undefined)
      .me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("UNAUTHORIZED");
    expect((error as TRPCError).message).toBe("Sign in to continue.");
  });

  it("says why a token was refused", async () => {
    const error = await caller(undefined, "Your session has expired. Sign in again.")
      .me()
      .catch((e: unknown) => e);
    expect((error as TRPCError).message).toBe("Your session has expired. Sign in again.");
  });
});
