import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import { dynamoOutbox, outboxItem } from "@tiffin/outbox/dynamo";
import type { KitchenTicket } from "../domain/kitchen-ticket";
import type {
  CatalogOutbox,
  CatalogOutboxEntry,
  RestaurantRepository,
  TicketRepository,
} from "../domain/ports";
import type { Restaurant } from "../domain/restaurant";
import { positionOf, type TicketPosition } from "../domain/ticket-page";

/*
 * RestaurantsTable key design (this adapter owns it):
 *   restaurant     pk RESTAURANT#<id>  sk PROFILE                          gsi1: RESTAURANT / <slug>
 *   kitchen ticket pk RESTAURANT#<id>  sk TICKET#<placedAt>#<orderId>      (newest first by sort key)
 *   catalog outbox pk RESTAURANT#<id>  sk OUTBOX#<eventId>                  gsi1: OUTBOX_PENDING | OUTBOX_PARKED / <createdAt>
 * (outbox entries lose gsi1pk once published; see @tiffin/outbox/dynamo)
 */
const restaurantKey = (id: string) => ({ pk: `RESTAURANT#${id}`, sk: "PROFILE" });
const outboxKey = (entry: Pick<CatalogOutboxEntry, "restaurantId" | "id">) => ({
  pk: `RESTAURANT#${entry.restaurantId}`,
  sk: `OUTBOX#${entry.id}`,
});
const ticketSortKey = (t: TicketPosition) => `TICKET#${t.placedAt}#${t.orderId}`;

/** A stored restaurant; items saved before option groups existed read as having none. */
const restaurantOf = (data: unknown): Restaurant => {
  const r = data as Restaurant;
  return {
    ...r,
    menu: r.menu.map((c) => ({ ...c, items: c.items.map((i) => ({ ...i, optionGroups: i.optionGroups ?? [] })) })),
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

export const dynamoTickets = (db: DynamoDBDocumentClient, table: string): TicketRepository => ({
  async createOnce(ticket) {
    try {
      await db.send(
        new PutCommand({
          TableName: table,
          Item: {
            pk: `RESTAURANT#${ticket.restaurantId}`,
            sk: ticketSortKey(ticket),
            data: ticket,
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return "created";
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return "duplicate";
      throw err;
    }
  },
  async listForRestaurant(restaurantId, { limit, after }) {
    const pk = `RESTAURANT#${restaurantId}`;
    // One more than asked for says whether an older page exists, without an empty last page.
    const out = await db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: "pk = :p AND begins_with(sk, :t)",
        ExpressionAttributeValues: { ":p": pk, ":t": "TICKET#" },
        ScanIndexForward: false,
        Limit: limit + 1,
        ExclusiveStartKey: after && { pk, sk: ticketSortKey(after) },
      }),
    );
    const items = (out.Items ?? []).map((i) => i.data as KitchenTicket);
    const tickets = items.slice(0, limit);
    const last = tickets.at(-1);
    return { tickets, next: items.length > limit && last ? positionOf(last) : undefined };
  },
});

/** The catalog outbox: snapshots saved beside their restaurant until published. */
export const dynamoCatalogOutbox = (db: DynamoDBDocumentClient, table: string): CatalogOutbox => ({
  ...dynamoOutbox<CatalogOutboxEntry>(db, table, outboxKey),
  async put(entry) {
    await db.send(new PutCommand({ TableName: table, Item: outboxItem(outboxKey(entry), entry) }));
  },
});
