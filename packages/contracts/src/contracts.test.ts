import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ContractName, contracts, unwrapMessageBody } from "./index";

const fixturesDir = join(import.meta.dirname, "..", "fixtures");
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(fixturesDir, `${name}.json`), "utf8"));

describe("event contracts", () => {
  it("has exactly one fixture per released contract", () => {
    const files = readdirSync(fixturesDir)
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    expect(files).toEqual(Object.keys(contracts).sort());
  });

  it.each(Object.keys(contracts) as ContractName[])("%s fixture parses against its schema", (name) => {
    const parsed = contracts[name].parse(fixture(name));
    expect(`${parsed.type}.v${parsed.version}`).toBe(name);
  });

  it("rejects a fixture with its version changed, so a v2 can never be read as a v1", () => {
    const body = { ...(fixture("order.placed.v1") as object), version: 2 };
    expect(contracts["order.placed.v1"].safeParse(body).success).toBe(false);
  });

  it("unwraps an SNS envelope and passes raw bodies through", () => {
    const event = fixture("restaurant.catalog-published.v1");
    const envelope = JSON.stringify({
      Type: "Notification",
      MessageId: "m-1",
      Message: JSON.stringify(event),
    });
    expect(unwrapMessageBody(envelope)).toEqual(event);
    expect(unwrapMessageBody(JSON.stringify(event))).toEqual(event);
  });
});
