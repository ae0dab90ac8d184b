import { describe, expect, it } from "vitest";
import { CallbackQuery, decodeFlow, encodeFlow, isSignInProblem } from "./flow";

const flow = {
  state: "3b241101-e2bb-4255-8caf-4136c566a962",
  verifier: "v".repeat(64),
  next: "/checkout",
  redirectUri: "http://127.0.0.1:3000/auth/callback",
};

describe("login flow cookie", () => {
  it("round-trips", () => {
    expect(decodeFlow(encodeFlow(flow))).toEqual(flow);
  });

  it("re-checks the destination when read back", () => {
    const tampered = Buffer.from(JSON.stringify({ ...flow, next: "//evil.example" })).toString("base64url");
    expect(decodeFlow(tampered)?.next).toBe("/");
  });

  it("refuses anything that isn't a flow", () => {
    expect(decodeFlow(undefined)).toBeUndefined();
    expect(decodeFlow("not-base64-json")).toBeUndefined();
    expect(
      decodeFlow(Buffer.from(JSON.stringify({ ...flow, extra: 1 })).toString("base64url")),
    ).toBeUndefined();
    expect(
      decodeFlow(Buffer.from(JSON.stringify({ ...flow, redirectUri: "javascript:x" })).toString("base64url")),
    ).toBeUndefined();
    expect(decodeFlow("a".repeat(5000))).toBeUndefined();
  });
});

describe("callback query", () => {
  it("accepts a code with its state, or an OAuth error", () => {
    expect(CallbackQuery.safeParse({ code: "c", state: "s" }).success).toBe(true);
    expect(CallbackQuery.safeParse({ error: "access_denied" }).success).toBe(true);
    expect(CallbackQuery.safeParse({ code: "c" }).success).toBe(false);
    expect(CallbackQuery.safeParse({}).success).toBe(false);
  });
});

describe("sign-in problems", () => {
  it("are a closed list", () => {
    expect(isSignInProblem("expired")).toBe(true);
    expect(isSignInProblem("<script>")).toBe(false);
  });
});
