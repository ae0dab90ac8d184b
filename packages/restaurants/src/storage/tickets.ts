import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { outboxItem } from "@tiffin/outbox/dynamo";
import { type KitchenTicket, laneOf } from "../domain/kitchen-ticket";
import type {
  DueTicket,
  StoredTicket,
  TicketListing,
  TicketOutboxEntry,
  TicketRepository,
} from "../domain/ports";
import type { SalesDay, SalesDelta } from "../domain/sales";
import { positionOf, type TicketPosition } from "../domain/ticket-page";

/*
 * Kitchen tickets in RestaurantsTable (this adapter owns these keys; see dynamo.ts for the rest):
 *   ticket      pk RESTAURANT#<id>  sk TICKET#<placedAt>#<orderId>   every ticket, newest first by sort key
 *               attrs status, data   gsi1: TICKETS#<id>#<lane> / <placedAt>#<orderId>, lane new | preparing |
 *               ready | done#<day the ticket left the kitchen>: one query per board section, newest first
 *   order       pk RESTAURANT#<id>  sk ORDER#<orderId>   the order's anchor: written once with the ticket
 *               (put-if-absent, so a redelivered order.placed creates nothing), or alone as a withdrawn
 *               tombstone when the cancel request came first. While the ticket is new it carries
 *               gsi1: TICKETS_DUE / <answerBy>#<id>#<orderId>, a sparse index of unanswered tickets by
 *               answer time that the timer reads (never a scan); every step out of `new` removes it.
 *   sales day   pk RESTAURANT#<id>  sk SALES#<yyyy-mm-dd>  counters (ADD) and qty#/name#<itemId> per dish,
 *               updated in the same transaction as the ticket step that changes them
 *   outbox      pk RESTAURANT#<id>  sk OUTBOX#<eventId>  ticket events beside the catalog's (@tiffin/outbox)
 * TICKETS_DUE is one partition for every restaurant: fine for thousands of open tickets; past that, shard
 * it (TICKETS_DUE#<n> by a hash of the order id) and let the timer query each shard.
 */
const DUE = "TICKETS_DUE";
const pkOf = (restaurantId: string) => `RESTAURANT#${restaurantId}`;
const ticketSortKey = (t: TicketPosition) => `TICKET#${t.placedAt}#${t.orderId}`;
const orderKey = (restaurantId: string, orderId: string) => ({
  pk: pkOf(restaurantId),
  sk: `ORDER#${orderId}`,
});
const salesKey = (restaurantId: string, day: string) => ({ pk: pkOf(restaurantId), sk: `SALES#${day}` });
const outboxKey = (entry: Pick<TicketOutboxEntry, "restaurantId" | "id">) => ({
  pk: pkOf(entry.restaurantId),
  sk: `OUTBOX#${entry.id}`,
});
const laneKey = (restaurantId: string, listing: Exclude<TicketListing, { lane?: undefined }>) =>
  `TICKETS#${restaurantId}#${listing.lane === "done" ? `done#${listing.day}` : listing.lane}`;

const ticketItem = (t: KitchenTicket) => {
  const lane = laneOf(t.status);
  return {
    pk: pkOf(t.restaurantId),
    sk: ticketSortKey(t),
    status: t.status,
    gsi1pk: laneKey(t.restaurantId, lane === "done" ? { lane, day: t.closedDay ?? t.salesDay } : { lane }),
    gsi1sk: `${t.placedAt}#${t.orderId}`,
    data: t,
  };
};

/** Counters as ADD, dish names as SET: one update of the day's item; undefined when it adds nothing. */
const salesUpdate = (table: string, restaurantId: string, delta: SalesDelta) => {
  const names: Record<string, string> = { "#day": "day" };
  const values: Record<string, unknown> = { ":day": delta.day };
  const adds: string[] = [];
  const sets = ["#day = :day"];
  const counters = ["accepted", "revenueCents", "rejected", "rejectedAutomatically", "withdrawn"] as const;
  for (const counter of counters) {
    const n = delta[counter];
    if (!n) continue;
    names[`#${counter}`] = counter;
    values[`:${counter}`] = n;
    adds.push(`#${counter} :${counter}`);
  }
  (delta.items ?? []).forEach((item, i) => {
    names[`#q${i}`] = `qty#${item.itemId}`;
    names[`#n${i}`] = `name#${item.itemId}`;
    values[`:q${i}`] = item.quantity;
    values[`:n${i}`] = item.name;
    adds.push(`#q${i} :q${i}`);
    sets.push(`#n${i} = :n${i}`);
  });
  if (adds.length === 0) return undefined;
  return {
    Update: {
      TableName: table,
      Key: salesKey(restaurantId, delta.day),
      UpdateExpression: `SET ${sets.join(", ")} ADD ${adds.join(", ")}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};

const salesDayOf = (item: Record<string, unknown>): SalesDay => {
  const items: SalesDay["items"] = [];
  for (const [key, value] of Object.entries(item)) {
    if (!key.startsWith("qty#")) continue;
    const itemId = key.slice(4);
    items.push({ itemId, name: String(item[`name#${itemId}`] ?? itemId), quantity: Number(value) });
  }
  const n = (key: string) => Number(item[key] ?? 0);
  return {
    day: String(item.day),
    accepted: n("accepted"),
    revenueCents: n("revenueCents"),
    rejected: n("rejected"),
    rejectedAutomatically: n("rejectedAutomatically"),
    withdrawn: n("withdrawn"),
    items,
  };
};

const reasonsOf = (err: unknown) =>
  err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []).map((r) => r.Code) : [];

/** Transactions that collide with another one in flight are retried a few times before giving up. */
const CONFLICT_RETRIES = 4;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const dynamoTickets = (db: DynamoDBDocumentClient, table: string): TicketRepository => {
  /** "ok", "refused" (a condition failed), after retrying collisions ("conflict" when they never cleared). */
  const transact = async (
    items: NonNullable<TransactWriteCommandInput["TransactItems"]>,
  ): Promise<"ok" | "refused" | "conflict"> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
        return "ok";
      } catch (err) {
        const reasons = reasonsOf(err);
        if (reasons.includes("ConditionalCheckFailed")) return "refused";
        if (!reasons.includes("TransactionConflict")) throw err;
        if (attempt >= CONFLICT_RETRIES) return "conflict";
        await pause(10 * 2 ** attempt + Math.random() * 20);
      }
    }
  };

  const getTicket = async (restaurantId: string, position: TicketPosition) => {
    const out = await db.send(
      new GetCommand({
        TableName: table,
        Key: { pk: pkOf(restaurantId), sk: ticketSortKey(position) },
        ConsistentRead: true,
      }),
    );
    return out.Item?.data as KitchenTicket | undefined;
  };

  return {
    async createOnce(ticket) {
      const outcome = await transact([
        {
          Put: {
            TableName: table,
            Item: {
              ...orderKey(ticket.restaurantId, ticket.orderId),
              placedAt: ticket.placedAt,
              restaurantId: ticket.restaurantId,
              orderId: ticket.orderId,
              answerBy: ticket.answerBy,
              gsi1pk: DUE,
              gsi1sk: `${ticket.answerBy}#${ticket.restaurantId}#${ticket.orderId}`,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        // A ticket stored before order anchors existed has none: its own key still makes this a no-op.
        {
          Put: {
            TableName: table,
            Item: ticketItem(ticket),
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
      ]);
      if (outcome === "ok") return "created";
      if (outcome === "refused") return "duplicate";
      // Collided with the same order being written right now: whoever wrote it, it exists, or retry later.
      const anchor = await db.send(
        new GetCommand({
          TableName: table,
          Key: orderKey(ticket.restaurantId, ticket.orderId),
          ConsistentRead: true,
        }),
      );
      if (anchor.Item) return "duplicate";
      throw new Error(`ticket ${ticket.orderId} collided with another write; retrying`);
    },

    async listForRestaurant(restaurantId, page) {
      const pk = pkOf(restaurantId);
      const { limit, after } = page;
      // One more than asked for says whether an older page exists, without an empty last page.
      const out = await db.send(
        page.lane === undefined
          ? new QueryCommand({
              TableName: table,
              KeyConditionExpression: "pk = :p AND begins_with(sk, :t)",
              ExpressionAttributeValues: { ":p": pk, ":t": "TICKET#" },
              ScanIndexForward: false,
              Limit: limit + 1,
              ExclusiveStartKey: after && { pk, sk: ticketSortKey(after) },
            })
          : new QueryCommand({
              TableName: table,
              IndexName: "gsi1",
              KeyConditionExpression: "gsi1pk = :l",
              ExpressionAttributeValues: { ":l": laneKey(restaurantId, page) },
              ScanIndexForward: false,
              Limit: limit + 1,
              ExclusiveStartKey: after && {
                pk,
                sk: ticketSortKey(after),
                gsi1pk: laneKey(restaurantId, page),
                gsi1sk: `${after.placedAt}#${after.orderId}`,
              },
            }),
      );
      const items = (out.Items ?? []).map((i) => i.data as KitchenTicket);
      const tickets = items.slice(0, limit);
      const last = tickets.at(-1);
      return { tickets, next: items.length > limit && last ? positionOf(last) : undefined };
    },

    async find(restaurantId, orderId): Promise<StoredTicket | undefined> {
      const anchor = await db.send(
        new GetCommand({ TableName: table, Key: orderKey(restaurantId, orderId), ConsistentRead: true }),
      );
      if (!anchor.Item) return undefined;
      if (anchor.Item.tombstone) return { kind: "tombstone", withdrawnAt: String(anchor.Item.withdrawnAt) };
      const ticket = await getTicket(restaurantId, { placedAt: String(anchor.Item.placedAt), orderId });
      return ticket && { kind: "ticket", ticket };
    },

    async transition(next, from, { announcement, sales }) {
      const sales$ = sales && salesUpdate(table, next.restaurantId, sales);
      const outcome = await transact([
        {
          Put: {
            TableName: table,
            Item: ticketItem(next),
            ConditionExpression: "#status = :from",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":from": from },
          },
        },
        ...(from === "new"
          ? [
              {
                // No longer waiting for an answer: out of the timer's index.
                Update: {
                  TableName: table,
                  Key: orderKey(next.restaurantId, next.orderId),
                  UpdateExpression: "REMOVE gsi1pk, gsi1sk",
                  ConditionExpression: "attribute_exists(pk)",
                },
              },
            ]
          : []),
        { Put: { TableName: table, Item: outboxItem(outboxKey(announcement), announcement) } },
        ...(sales$ ? [sales$] : []),
      ]);
      return outcome === "ok";
    },

    async tombstone(ref, announcement) {
      const outcome = await transact([
        {
          Put: {
            TableName: table,
            Item: {
              ...orderKey(ref.restaurantId, ref.orderId),
              tombstone: true,
              withdrawnAt: ref.withdrawnAt,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        { Put: { TableName: table, Item: outboxItem(outboxKey(announcement), announcement) } },
      ]);
      return outcome === "ok";
    },

    async due(now, page) {
      const out = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: "gsi1",
          // "$" sorts just after "#": every key whose answer time is now or earlier.
          KeyConditionExpression: "gsi1pk = :d AND gsi1sk < :bound",
          ExpressionAttributeValues: { ":d": DUE, ":bound": `${now.toISOString()}$` },
          Limit: page.limit,
          ExclusiveStartKey: page.after as Record<string, unknown> | undefined,
        }),
      );
      const due: DueTicket[] = (out.Items ?? []).map((i) => ({
        restaurantId: String(i.restaurantId),
        orderId: String(i.orderId),
        answerBy: String(i.answerBy),
      }));
      return { due, next: out.LastEvaluatedKey };
    },

    async salesDays(restaurantId, fromDay, toDay) {
      const out = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: "pk = :p AND sk BETWEEN :from AND :to",
          ExpressionAttributeValues: {
            ":p": pkOf(restaurantId),
            ":from": `SALES#${fromDay}`,
            ":to": `SALES#${toDay}`,
          },
        }),
      );
      return (out.Items ?? []).map(salesDayOf);
    },
  };
};
