import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { putIfAbsent } from "./dynamo";
import { emulatorClients, freshTable } from "./testing";

const { db } = emulatorClients();
let table: string;
beforeAll(async () => {
  table = await freshTable("OrdersTable");
});

describe("putIfAbsent (DynamoDB Local)", () => {
  it("writes once: the first creator gets created, the rest exists, and the first item stays", async () => {
    const key = { pk: "THING#1", sk: "THING" };
    const outcomes = await Promise.all(
      ["a", "b", "c"].map((writer) => putIfAbsent(db, table, { ...key, writer })),
    );
    expect(outcomes.filter((o) => o === "created")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "exists")).toHaveLength(2);
    const stored = await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
    expect(["a", "b", "c"][outcomes.indexOf("created")]).toBe(stored.Item?.writer);
  });

  it("throws what is not a lost condition (a table that does not exist)", async () => {
    await expect(putIfAbsent(db, `${table}-missing`, { pk: "X", sk: "X" })).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });
});
