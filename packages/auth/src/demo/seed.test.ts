import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Actor } from "@tiffin/kit/actor";
import { describe, expect, it } from "vitest";
import { InMemoryAccounts, InMemoryPasswords, manualClock } from "../../test/fakes";
import { actorOf } from "../domain/accounts";
import { DEMO_PASSWORD, demoAccounts, seedDemoAccounts } from "./seed";

const setup = () => {
  const accounts = new InMemoryAccounts();
  const passwords = new InMemoryPasswords();
  return { accounts, passwords, deps: { accounts, passwords, now: manualClock().now } };
};

describe("demo accounts", () => {
  it("has one customer, a restaurant owner, two Nonna Rosa staff, three couriers, an agent and an operator", () => {
    const byRole = (role: string) => demoAccounts.filter((a) => a.role === role).map((a) => a.email);
    expect(byRole("customer")).toEqual(["customer@tiffin.test"]);
    expect(byRole("restaurant")).toEqual([
      "owner@bombay.tiffin.test",
      "marco@nonna.tiffin.test",
      "giulia@nonna.tiffin.test",
    ]);
    expect(byRole("courier")).toEqual([
      "courier1@tiffin.test",
      "courier2@tiffin.test",
      "courier3@tiffin.test",
    ]);
    expect(byRole("agent")).toEqual(["agent@tiffin.test"]);
    expect(byRole("operator")).toEqual(["operator@tiffin.test"]);
    expect(new Set(demoAccounts.map((a) => a.id)).size).toBe(demoAccounts.length);
  });

  it("each becomes a valid token subject (the kit's Actor)", () => {
    for (const demo of demoAccounts) {
      expect(() => Actor.parse(actorOf({ ...demo, createdAt: "2026-01-01T00:00:00.000Z" }))).not.toThrow();
    }
  });

  it("names only restaurants the restaurants service's demo catalog has (read as text, not imported)", () => {
    const catalog = readFileSync(
      join(import.meta.dirname, "..", "..", "..", "restaurants", "src", "demo", "catalog.ts"),
      "utf8",
    );
    const ids = demoAccounts.flatMap((a) => a.restaurants.map((r) => r.id));
    expect(ids).toEqual(["bombay-tiffin-house", "nonna-rosa", "nonna-rosa"]);
    for (const id of ids) expect(catalog).toContain(`id: "${id}"`);
  });
});

describe("seedDemoAccounts", () => {
  it("creates every demo account with the demo password", async () => {
    const { accounts, passwords, deps } = setup();
    expect(await seedDemoAccounts(deps)).toEqual({ created: 9, updated: 0, passwordsSet: 9 });
    const owner = await accounts.byEmail("owner@bombay.tiffin.test");
    expect(owner).toMatchObject({
      role: "restaurant",
      restaurants: [{ id: "bombay-tiffin-house", role: "owner" }],
    });
    expect(await passwords.matches("giulia@nonna.tiffin.test", DEMO_PASSWORD)).toBe(true);
  });

  it("changes nothing when run again", async () => {
    const { accounts, passwords, deps } = setup();
    await seedDemoAccounts(deps);
    const before = structuredClone([...accounts.rows]);
    const writes = passwords.writes;
    expect(await seedDemoAccounts(deps)).toEqual({ created: 0, updated: 0, passwordsSet: 0 });
    expect([...accounts.rows]).toEqual(before);
    expect(passwords.writes).toBe(writes);
  });

  it("puts back a changed role and password, keeping the account's id", async () => {
    const { accounts, passwords, deps } = setup();
    await seedDemoAccounts(deps);
    const marco = await accounts.byEmail("marco@nonna.tiffin.test");
    if (!marco) throw new Error("seeded account missing");
    await accounts.save({ ...marco, id: "kept-id", role: "customer", restaurants: [] });
    await passwords.set("marco@nonna.tiffin.test", "changed-by-someone");
    expect(await seedDemoAccounts(deps)).toEqual({ created: 0, updated: 1, passwordsSet: 1 });
    expect(await accounts.byEmail("marco@nonna.tiffin.test")).toMatchObject({
      id: "kept-id",
      role: "restaurant",
      restaurants: [{ id: "nonna-rosa", role: "owner" }],
    });
    expect(await passwords.matches("marco@nonna.tiffin.test", DEMO_PASSWORD)).toBe(true);
  });
});
