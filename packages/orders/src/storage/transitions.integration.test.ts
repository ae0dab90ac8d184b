import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { TEST_CARD_DIGITS } from "@tiffin/contracts/payment-card";
import { beforeEach, describe, expect, it } from "vitest";
import { anOrder, outboxEntryOf, ticketAccepted, ticketReady, ticketWithdrawn } from "../../test/factories";
import { cancelRequestTransition, ticketTransition } from "../domain/order-lifecycle";
import { createOrderTransitions } from "../domain/order-transitions";
import { capturePayment } from "../domain/payments";
import type { OutboxEntry } from "../domain/ports";
import { simulatedPaymentProvider } from "../payments/simulated-provider";
import { dynamoOrders, dynamoOutbox } from "./dynamo";
import { dynamoIntentStore } from "./payment-intents";

const silent = { info: () => undefined, warn: () => undefined };
let table: string;
beforeEach(async () => {
  table = await freshTable("OrdersTable");
});

/** An order saved the way placing saves it (order, idempotency record, outbox entry). */
const placed = async (order = anOrder()) => {
  const { db } = emulatorClients();
  const orders = dynamoOrders(db, table);
  await orders.placeWithOutbox({
    order,
    outbox: outboxEntryOf(order),
    idempotencyKey: `k-${order.id}`,
    requestHash: "h",
  });
  return { orders, order };
};

describe("order transitions in DynamoDB Local", () => {
  it("saves a transition only from the status and revision it was decided from", async () => {
    const { orders, order } = await placed();
    const read = await orders.getForUpdate(order.id);
    expect(read).toEqual({ order, revision: 0 });

    const accepted = ticketTransition(ticketAccepted({ orderId: order.id })).next(order);
    expect(
      await orders.saveTransition({ order: accepted, expected: { status: "placed", revision: 0 } }),
    ).toBe("saved");
    expect(await orders.getForUpdate(order.id)).toEqual({ order: accepted, revision: 1 });

    // A second writer that decided from the same read loses, and writes nothing.
    const withdrawn = ticketTransition(ticketWithdrawn({ orderId: order.id })).next(order);
    expect(
      await orders.saveTransition({ order: withdrawn, expected: { status: "placed", revision: 0 } }),
    ).toBe("conflict");
    // Right status, stale revision: also refused.
    expect(
      await orders.saveTransition({ order: accepted, expected: { status: "accepted", revision: 0 } }),
    ).toBe("conflict");
    expect((await orders.get(order.id))?.status).toBe("accepted");
  });

  it("lets exactly one of two racing writers win (accept vs cancel request)", async () => {
    const { orders, order } = await placed();
    const accepted = ticketTransition(ticketAccepted({ orderId: order.id })).next(order);
    const requested = cancelRequestTransition("2026-11-30T18:01:00.000Z").next(order);
    const expected = { status: "placed" as const, revision: 0 };

    const results = await Promise.all([
      orders.saveTransition({ order: accepted, expected }),
      orders.saveTransition({ order: requested, expected }),
    ]);

    const winner = results[0] === "saved" ? accepted : requested;
    expect([...results].sort()).toEqual(["conflict", "saved"]);
    expect((await orders.get(order.id))?.status).toBe(winner.status);
  });

  it("writes a transition and its outbox entry together, or neither", async () => {
    const { orders, order } = await placed();
    const { db } = emulatorClients();
    const outbox = dynamoOutbox(db, table);
    const requested = cancelRequestTransition("2026-11-30T18:01:00.000Z").next(order);
    const event = {
      type: "order.cancel-requested" as const,
      version: 1 as const,
      eventId: `order.cancel-requested:${order.id}`,
      occurredAt: "2026-11-30T18:01:00.000Z",
      correlationId: order.correlationId,
      orderId: order.id,
      restaurantId: order.restaurantId,
      requestedAt: "2026-11-30T18:01:00.000Z",
    };
    const entry: OutboxEntry = { id: event.eventId, orderId: order.id, event, createdAt: event.occurredAt };

    // Stale: nothing is written, not even the outbox entry.
    expect(
      await orders.saveTransition({
        order: requested,
        expected: { status: "placed", revision: 7 },
        outbox: entry,
      }),
    ).toBe("conflict");
    const pendingIds = async () =>
      (await outbox.due(new Date(), { limit: 10 })).entries.map((p) => p.entry.id);
    expect(await pendingIds()).not.toContain(entry.id);

    expect(
      await orders.saveTransition({
        order: requested,
        expected: { status: "placed", revision: 0 },
        outbox: entry,
      }),
    ).toBe("saved");
    expect(await pendingIds()).toContain(entry.id);
    expect((await orders.get(order.id))?.status).toBe("cancel_requested");
  });

  it("moves an order saved before revisions existed (no revision attribute) from revision 0", async () => {
    const { orders, order } = await placed();
    await emulatorClients().db.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: `ORDER#${order.id}`, sk: "ORDER" },
        UpdateExpression: "REMOVE revision",
      }),
    );
    expect((await orders.getForUpdate(order.id))?.revision).toBe(0);
    const accepted = ticketTransition(ticketAccepted({ orderId: order.id })).next(order);
    expect(
      await orders.saveTransition({ order: accepted, expected: { status: "placed", revision: 0 } }),
    ).toBe("saved");
  });

  it("applies ready after accepted once, capturing the total once, with the real adapters", async () => {
    const { db } = emulatorClients();
    const payments = simulatedPaymentProvider(dynamoIntentStore(db, table));
    const intent = await payments.authorize({
      idempotencyKey: "authorize:customer-1:k",
      amountCents: 1543,
      currency: "USD",
      card: { number: TEST_CARD_DIGITS.succeeds, expMonth: 12, expYear: 2034, cvc: "123" },
    });
    const { orders, order } = await placed({
      ...anOrder(),
      payment: {
        intentId: intent.id,
        brand: "Visa",
        last4: "4242",
        status: "authorized",
        amountCents: 1543,
        capturedCents: 0,
        refundedCents: 0,
      },
    });
    const transitions = createOrderTransitions({
      orders,
      outbox: dynamoOutbox(db, table),
      sender: { send: async () => undefined },
      payments,
      now: () => new Date(),
      log: silent,
    });
    const ids = { orderId: order.id, shortCode: order.shortCode };

    await transitions.applyTicketEvent(ticketAccepted(ids), silent);
    const results = await Promise.all([
      transitions.applyTicketEvent(ticketReady(ids), silent),
      transitions.applyTicketEvent(ticketReady(ids), silent),
    ]);

    expect(results.sort()).toEqual(["applied", "ignored"]);
    const ready = await orders.get(order.id);
    expect(ready?.status).toBe("ready");
    expect(ready?.payment).toMatchObject({ status: "captured", capturedCents: 1543 });
    expect(ready?.timeline.map((e) => e.status)).toEqual(["placed", "accepted", "ready"]);
  });
});

describe("simulated payment intents in DynamoDB Local", () => {
  const card = (number: string) => ({ number, expMonth: 12, expYear: 2034, cvc: "123" });

  it("creates one intent per key even when two calls race, and keeps no card number", async () => {
    const { db } = emulatorClients();
    const provider = simulatedPaymentProvider(dynamoIntentStore(db, table));
    const authorize = () =>
      provider.authorize({
        idempotencyKey: "authorize:c:k1",
        amountCents: 2500,
        currency: "USD",
        card: card(TEST_CARD_DIGITS.succeeds),
      });

    const [a, b] = await Promise.all([authorize(), authorize()]);

    expect(a).toEqual(b);
    const stored = await dynamoIntentStore(db, table).getIntent(a.id);
    expect(stored).toMatchObject({
      status: "requires_capture",
      amountCents: 2500,
      last4: "4242",
      version: 1,
    });
    expect(JSON.stringify(stored)).not.toContain(TEST_CARD_DIGITS.succeeds);
  });

  it("fails the 0119 card once per key, then authorizes it", async () => {
    const { db } = emulatorClients();
    const provider = simulatedPaymentProvider(dynamoIntentStore(db, table));
    const authorize = () =>
      provider.authorize({
        idempotencyKey: "authorize:c:k2",
        amountCents: 900,
        currency: "USD",
        card: card(TEST_CARD_DIGITS.processingErrorOnce),
      });
    await expect(authorize()).rejects.toThrow(/could not process/);
    expect((await authorize()).status).toBe("requires_capture");
  });

  it("captures once under concurrent calls, refunds within what was captured, once per key", async () => {
    const { db } = emulatorClients();
    const provider = simulatedPaymentProvider(dynamoIntentStore(db, table));
    const intent = await provider.authorize({
      idempotencyKey: "authorize:c:k3",
      amountCents: 2000,
      currency: "USD",
      card: card(TEST_CARD_DIGITS.succeeds),
    });
    const payment = {
      intentId: intent.id,
      brand: "Visa",
      last4: "4242",
      status: "authorized" as const,
      amountCents: 2000,
      capturedCents: 0,
      refundedCents: 0,
    };
    const captures = await Promise.all([
      capturePayment(provider, "o3", payment, 2000),
      capturePayment(provider, "o3", payment, 2000),
    ]);
    expect(captures.map((c) => c.capturedCents)).toEqual([2000, 2000]);

    // Three different refunds race for 2000 cents at 800 each: two fit, the third is refused.
    const keys = ["r1", "r2", "r3"];
    const refunds = await Promise.allSettled(
      keys.map((key) => provider.refund({ idempotencyKey: key, intentId: intent.id, amountCents: 800 })),
    );
    expect(refunds.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const store = dynamoIntentStore(db, table);
    expect((await store.getIntent(intent.id))?.refundedCents).toBe(1600);

    // A repeated key returns its first refund and never refunds twice.
    const done = refunds.findIndex((r) => r.status === "fulfilled");
    const first = refunds[done];
    const repeated = await provider.refund({
      idempotencyKey: keys[done] ?? "",
      intentId: intent.id,
      amountCents: 800,
    });
    expect(first?.status === "fulfilled" && first.value.id).toBe(repeated.id);
    expect((await store.getIntent(intent.id))?.refundedCents).toBe(1600);
  });
});
