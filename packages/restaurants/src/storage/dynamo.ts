import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import { dynamoOutbox, outboxItem } from "@tiffin/outbox/dynamo";
import type { CatalogOutbox, RestaurantRepository, RestaurantsOutboxEntry } from "../domain/ports";
import type { Restaurant } from "../domain/restaurant";
import { allDayEveryDay, OPEN_STORE } from "../domain/store";

/*
 * RestaurantsTable key design (this adapter owns it):
 *   restaurant     pk RESTAURANT#<id>  sk PROFILE                          gsi1: RESTAURANT / <slug>
 *   kitchen tickets, order anchors, sales days: see tickets.ts
 *   catalog outbox pk RESTAURANT#<id>  sk OUTBOX#<eventId>                  gsi1: OUTBOX_PENDING | OUTBOX_PARKED / <createdAt>
 * (outbox entries lose gsi1pk once published; see @tiffin/outbox/dynamo)
 */
const restaurantKey = (id: string) => ({ pk: `RESTAURANT#${id}`, sk: "PROFILE" });
/** Shared with tickets.ts: both kinds of entry live under their restaurant. */
const outboxKey = (entry: Pick<RestaurantsOutboxEntry, "restaurantId" | "id">) => ({
  pk: `RESTAURANT#${entry.restaurantId}`,
  sk: `OUTBOX#${entry.id}`,
});

/** Restaurants saved before store settings existed had only `isOpen`. */
type StoredRestaurant = Partial<Pick<Restaurant, "store" | "openingHours" | "timeZone" | "location">> &
  Omit<Restaurant, "store" | "openingHours" | "timeZone" | "location"> & { isOpen?: boolean };

/**
 * A stored restaurant; items saved before option groups existed read as having none, and one saved before
 * store settings existed reads as open around the clock in UTC (paused when it was closed) until staff set them.
 */
const restaurantOf = (data: unknown): Restaurant => {
  const { isOpen, ...r } = data as StoredRestaurant;
  return {
    ...r,
    store: r.store ?? (isOpen === false ? { ...OPEN_STORE, state: "paused" } : OPEN_STORE),
    openingHours: r.openingHours ?? allDayEveryDay(),
    timeZone: r.timeZone ?? "UTC",
    location: r.location ?? { lat: 0, lng: 0 },
    menu: r.menu.map((c) => ({
      ...c,
      items: c.items.map((i) => ({ ...i, optionGroups: i.optionGroups ?? [] })),
    })),
  };
};

export const dynamoRestaurants = (db: DynamoDBDocumentClient, table: string): RestaurantRepository => {
  const queryCatalog = async (slug?: string): Promise<Restaurant[]> => {
    const out: Restaurant[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: "gsi1",
          KeyConditionExpression: slug ? "gsi1pk = :p AND gsi1sk = :s" : "gsi1pk = :p",
          ExpressionAttributeValues: slug ? { ":p": "RESTAURANT", ":s": slug } : { ":p": "RESTAURANT" },
          ExclusiveStartKey: cursor,
        }),
      );
      for (const item of page.Items ?? []) out.push(restaurantOf(item.data));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return out;
  };

  return {
    list: () => queryCatalog(),
    bySlug: async (slug) => (await queryCatalog(slug))[0],
    async byId(id) {
      const out = await db.send(new GetCommand({ TableName: table, Key: restaurantKey(id) }));
      return out.Item && restaurantOf(out.Item.data);
    },
    async save(r, announcement) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: {
                    ...restaurantKey(r.id),
                    gsi1pk: "RESTAURANT",
                    gsi1sk: r.slug,
                    revision: r.revision,
                    data: r,
                  },
                  ConditionExpression: "attribute_not_exists(pk) OR revision < :rev",
                  ExpressionAttributeValues: { ":rev": r.revision },
                },
              },
              { Put: { TableName: table, Item: outboxItem(outboxKey(announcement), announcement) } },
            ],
          }),
        );
        return true;
      } catch (err) {
        // A newer revision is stored, or another edit is being written right now: either way, not saved.
        const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
        if (
          reasons[0]?.Code === "ConditionalCheckFailed" ||
          reasons.some((r) => r.Code === "TransactionConflict")
        )
          return false;
        throw err;
      }
    },
  };
};

/** The outbox: catalog snapshots and ticket events saved beside what they announce until published. */
export const dynamoCatalogOutbox = (db: DynamoDBDocumentClient, table: string): CatalogOutbox => ({
  ...dynamoOutbox<RestaurantsOutboxEntry>(db, table, outboxKey),
  async put(entry) {
    await db.send(new PutCommand({ TableName: table, Item: outboxItem(outboxKey(entry), entry) }));
  },
});

/** Tickets, order anchors and sales days (tickets.ts), exported here too for the tests that build the service. */
export { dynamoTickets } from "./tickets";
