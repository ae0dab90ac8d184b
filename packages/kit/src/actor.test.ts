import { describe, expect, it } from "vitest";
import { Actor, roleAccount, roleLabels, roles } from "./actor";

describe("Actor", () => {
  it("accepts an account as the issuer signs it and refuses an unknown role", () => {
    const actor = { id: "acc-1", email: "a@tiffin.test", name: "A", role: "customer", restaurants: [] };
    expect(Actor.parse(actor)).toEqual(actor);
    expect(Actor.safeParse({ ...actor, role: "admin" }).success).toBe(false);
  });
});

describe("role names", () => {
  it("label every role, and name its account with the right article", () => {
    expect(Object.keys(roleLabels).sort()).toEqual([...roles].sort());
    expect(roleAccount("customer")).toBe("a customer account");
    expect(roleAccount("restaurant")).toBe("a restaurant staff account");
    expect(roleAccount("agent")).toBe("a support agent account");
    expect(roleAccount("operator")).toBe("an operator account");
  });
});
