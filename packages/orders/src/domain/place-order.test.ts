import { OrderPlacedV2 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import { describe, expect, it } from "vitest";
import { FIXED_NOW, fixtureMenu, ordersHarness, placeCommand, replicatedMenu } from "../../test/factories";
import { RecordingLog } from "../../test/fakes";
import { orderPlacedEvent, requestHashOf } from "./place-order";
import { RateLimited } from "./rate-limits";

const request = (correlationId = "corr-place-1") => ({ correlationId, log: new RecordingLog() });

/** The DomainError a promise rejected with; fails the test if it resolved. */
const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof DomainError) return error;
  throw new Error(`expected a DomainError, got ${String(error)}`);
};

describe("placeOrder", () => {
  it("prices the order on the server, saves it with its outbox entry and sends OrderPlaced once", async () => {
    const h = await ordersHarness();

    const order = await h.svc.place(placeCommand(), request());

    expect(order).toMatchObject({
      status: "placed",
      restaurantId: fixtureMenu.restaurantId,
      subtotalCents: 3785,
      serviceFeeCents: 189,
      deliveryFeeCents: 299,
      totalCents: 4273,
      placedAt: FIXED_NOW.toISOString(),
      timeline: [{ status: "placed", at: FIXED_NOW.toISOString() }],
    });
    // The harness hands out predictable ids; the short code is the id's first six hex digits, upper-cased.
    expect(order.id).toBe("a1b2c3d4-0000-4000-8000-000000000001");
    expect(order.shortCode).toBe("A1B2C3");

    expect(h.table.allOrders()).toEqual([order]);
    expect(h.table.allOutbox()).toEqual([
      {
        entry: {
          id: `order.placed:${order.id}`,
          orderId: order.id,
          event: orderPlacedEvent(order),
          createdAt: order.placedAt,
        },
        sentAt: FIXED_NOW.toISOString(),
      },
    ]);
    expect(h.sender.sent).toEqual([orderPlacedEvent(order)]);
    expect(OrderPlacedV2.safeParse(h.sender.sent[0]).success).toBe(true);

    // Already marked sent, so the relay has nothing left to send.
    expect(await h.svc.relayOutbox()).toMatchObject({ sent: 0, failed: 0 });
    expect(h.sender.sent).toHaveLength(1);
  });

  it("puts the request's correlation id on the order and on OrderPlaced", async () => {
    const h = await ordersHarness();

    const order = await h.svc.place(placeCommand(), request("corr-from-the-browser"));

    expect(order.correlationId).toBe("corr-from-the-browser");
    expect(h.sender.sent.map((e) => e.correlationId)).toEqual(["corr-from-the-browser"]);
  });

  it("sends the customer's lines without the server-only line totals, as the contract says", async () => {
    const h = await ordersHarness();

    await h.svc.place(placeCommand(), request());

    expect(h.sender.placed[0]?.lines).toEqual([
      { itemId: "butter-chicken", name: "Butter Chicken", quantity: 2, unitPriceCents: 1695, options: [] },
      { itemId: "garlic-naan", name: "Garlic Naan", quantity: 1, unitPriceCents: 395, options: [] },
    ]);
  });

  describe("idempotency", () => {
    it("returns the first order for the same key and cart: one order, one message", async () => {
      const h = await ordersHarness();
      const cmd = placeCommand();

      const first = await h.svc.place(cmd, request());
      const again = await h.svc.place(structuredClone(cmd), request("corr-retry"));

      expect(again.id).toBe(first.id);
      expect(again).toEqual(first);
      expect(h.effects()).toEqual({ orders: 1, outboxEntries: 1, sent: 1 });
    });

    it("refuses the same key with a different cart as a conflict, and saves or sends nothing new", async () => {
      const h = await ordersHarness();
      const cmd = placeCommand();
      const first = await h.svc.place(cmd, request());

      const error = await refusal(
        h.svc.place({ ...cmd, lines: [{ itemId: fixtureMenu.butterChicken.id, quantity: 5 }] }, request()),
      );

      expect(error.kind).toBe("conflict");
      expect(error.message).toMatch(/already submitted with a different cart\. Reload the page/);
      expect(h.effects()).toEqual({ orders: 1, outboxEntries: 1, sent: 1 });
      expect(h.table.allOrders()).toEqual([first]);
    });

    it("treats a changed address under the same key as a different request", async () => {
      const h = await ordersHarness();
      const cmd = placeCommand();
      await h.svc.place(cmd, request());

      const error = await refusal(
        h.svc.place({ ...cmd, delivery: { ...cmd.delivery, address: "1 Other St" } }, request()),
      );

      expect(error.kind).toBe("conflict");
      expect(h.effects()).toEqual({ orders: 1, outboxEntries: 1, sent: 1 });
    });

    it("places one order for a double submit that races past the first check", async () => {
      const h = await ordersHarness();
      const cmd = placeCommand();

      const [a, b] = await Promise.all([
        h.svc.place(cmd, request()),
        h.svc.place(structuredClone(cmd), request()),
      ]);

      expect(b.id).toBe(a.id);
      expect(h.effects()).toEqual({ orders: 1, outboxEntries: 1, sent: 1 });
    });

    it("refuses the loser of a race that reused the key for a different cart", async () => {
      const h = await ordersHarness();
      const cmd = placeCommand();
      const other = { ...cmd, lines: [{ itemId: fixtureMenu.garlicNaan.id, quantity: 4 }] };

      const [first, second] = await Promise.allSettled([
        h.svc.place(cmd, request()),
        h.svc.place(other, request()),
      ]);

      expect(first.status).toBe("fulfilled");
      expect(second.status === "rejected" && second.reason instanceof DomainError && second.reason.kind).toBe(
        "conflict",
      );
      expect(h.effects()).toEqual({ orders: 1, outboxEntries: 1, sent: 1 });
    });

    it("waits while a twin request's transaction holds the key, then places the order once", async () => {
      const h = await ordersHarness();
      h.table.contendNext(2);

      const order = await h.svc.place(placeCommand(), request());

      expect(order.status).toBe("placed");
      expect(h.pauses).toEqual([20, 40]);
      expect(h.effects()).toEqual({ orders: 1, outboxEntries: 1, sent: 1 });
    });

    it("refuses with a conflict (never a 500) when the key stays held, and counts nothing", async () => {
      const h = await ordersHarness();
      h.table.contendNext(100);

      const error = await refusal(h.svc.place(placeCommand(), request()));

      expect(error.kind).toBe("conflict");
      expect(error.message).toMatch(/being placed by another request right now/);
      expect(h.effects()).toEqual({ orders: 0, outboxEntries: 0, sent: 0 });
      expect(h.limiter.uses("customer:customer-1")).toBe(0);
      expect(h.limiter.uses(`restaurant:${fixtureMenu.restaurantId}`)).toBe(0);
    });

    it("fingerprints the request without its idempotency key", () => {
      const cmd = placeCommand();
      expect(requestHashOf({ ...cmd, idempotencyKey: "another-key" })).toBe(requestHashOf(cmd));
      expect(requestHashOf({ ...cmd, customer: { ...cmd.customer, name: "Someone Else" } })).not.toBe(
        requestHashOf(cmd),
      );
    });
  });

  describe("when the fulfillment queue is down", () => {
    it("still returns and saves the order, and keeps its outbox entry pending", async () => {
      const h = await ordersHarness();
      h.sender.failWith(new Error("SQS unavailable"));
      const log = new RecordingLog();

      const order = await h.svc.place(placeCommand(), { correlationId: "corr-down", log });

      expect(order.status).toBe("placed");
      expect(h.table.allOrders()).toEqual([order]);
      expect(h.table.outbox.unsent()).toEqual([
        {
          id: `order.placed:${order.id}`,
          orderId: order.id,
          event: orderPlacedEvent(order),
          createdAt: order.placedAt,
        },
      ]);
      expect(h.sender.sent).toEqual([]);
      expect(log.lines).toContainEqual({
        level: "warn",
        message: "OrderPlaced not sent yet; the outbox relay will send it",
        extra: { orderId: order.id, error: "Error: SQS unavailable" },
      });
    });

    it("lets the relay send the pending OrderPlaced exactly once and mark it sent", async () => {
      const h = await ordersHarness();
      h.sender.failWith();
      const order = await h.svc.place(placeCommand(), request("corr-relayed"));
      h.sender.recover();

      expect(await h.svc.relayOutbox()).toMatchObject({ sent: 1, failed: 0 });
      expect(await h.svc.relayOutbox()).toMatchObject({ sent: 0, failed: 0 });

      expect(h.sender.sent).toEqual([orderPlacedEvent(order)]);
      expect(h.sender.sent[0]?.correlationId).toBe("corr-relayed");
      expect(h.table.outbox.unsent()).toEqual([]);
      expect(h.table.allOutbox()[0]?.sentAt).toBe(FIXED_NOW.toISOString());
    });

    it("returns the saved order to a retry with the same key without sending a second message", async () => {
      const h = await ordersHarness();
      h.sender.failWith();
      const cmd = placeCommand();
      const first = await h.svc.place(cmd, request());
      h.sender.recover();

      const retried = await h.svc.place(cmd, request());
      await h.svc.relayOutbox();

      expect(retried.id).toBe(first.id);
      expect(h.sender.sent.map((e) => e.orderId)).toEqual([first.id]);
    });
  });

  describe("rate limits", () => {
    /** The RateLimited error a promise rejected with; fails the test if it resolved. */
    const limited = async (promise: Promise<unknown>): Promise<RateLimited> => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      if (error instanceof RateLimited) return error;
      throw new Error(`expected RateLimited, got ${String(error)}`);
    };

    it("refuses a customer's 11th order in 10 minutes, saying when to try again, and saves nothing", async () => {
      const h = await ordersHarness();
      for (let i = 0; i < 10; i++) await h.svc.place(placeCommand(), request());

      const error = await limited(h.svc.place(placeCommand(), request()));

      // FIXED_NOW is 18:30:00, the start of a 10-minute window.
      expect(error.retryAfterSeconds).toBe(600);
      expect(error.message).toBe("You can place up to 10 orders every 10 minutes. Try again in 10 minutes.");
      expect(h.effects()).toEqual({ orders: 10, outboxEntries: 10, sent: 10 });
    });

    it("does not count a retried submit of the same checkout twice", async () => {
      const h = await ordersHarness({
        limits: {
          perCustomer: { max: 2, windowSeconds: 600 },
          perRestaurant: { max: 100, windowSeconds: 60 },
        },
      });
      const cmd = placeCommand();
      const first = await h.svc.place(cmd, request());

      for (let i = 0; i < 5; i++)
        expect((await h.svc.place(structuredClone(cmd), request())).id).toBe(first.id);

      expect(h.limiter.uses("customer:customer-1")).toBe(1);
      await h.svc.place(placeCommand(), request()); // the second order of two still fits
      expect(h.effects().orders).toBe(2);
    });

    it("counts a double submit that raced past the first check once", async () => {
      const h = await ordersHarness();
      const cmd = placeCommand();

      await Promise.all([h.svc.place(cmd, request()), h.svc.place(structuredClone(cmd), request())]);

      expect(h.limiter.uses("customer:customer-1")).toBe(1);
      expect(h.limiter.uses(`restaurant:${fixtureMenu.restaurantId}`)).toBe(1);
    });

    it("gives the twin of an order placed meanwhile that order, not a refusal", async () => {
      const h = await ordersHarness({
        limits: {
          perCustomer: { max: 1, windowSeconds: 600 },
          perRestaurant: { max: 100, windowSeconds: 60 },
        },
      });
      const cmd = placeCommand();

      const [a, b] = await Promise.all([
        h.svc.place(cmd, request()),
        h.svc.place(structuredClone(cmd), request()),
      ]);

      expect(b.id).toBe(a.id);
    });

    it("limits each customer on their own", async () => {
      const h = await ordersHarness({
        limits: {
          perCustomer: { max: 1, windowSeconds: 600 },
          perRestaurant: { max: 100, windowSeconds: 60 },
        },
      });
      await h.svc.place(placeCommand({ customerId: "customer-1" }), request());

      await limited(h.svc.place(placeCommand({ customerId: "customer-1" }), request()));
      expect((await h.svc.place(placeCommand({ customerId: "customer-2" }), request())).customerId).toBe(
        "customer-2",
      );
    });

    it("refuses a restaurant's orders past its limit in the restaurant's name, and gives the customer's count back", async () => {
      const h = await ordersHarness({
        limits: {
          perCustomer: { max: 10, windowSeconds: 600 },
          perRestaurant: { max: 2, windowSeconds: 60 },
        },
      });
      await h.svc.place(placeCommand({ customerId: "customer-a" }), request());
      await h.svc.place(placeCommand({ customerId: "customer-b" }), request());

      const error = await limited(h.svc.place(placeCommand({ customerId: "customer-c" }), request()));

      expect(error.message).toBe(
        "Bombay Tiffin House is taking as many orders as its kitchen can handle right now. Try again in 1 minute.",
      );
      expect(h.limiter.uses("customer:customer-c")).toBe(0);
      expect(h.effects().orders).toBe(2);
    });

    it("lets a customer order again once the window has passed", async () => {
      let now = FIXED_NOW;
      const h = await ordersHarness({
        now: () => now,
        limits: {
          perCustomer: { max: 1, windowSeconds: 600 },
          perRestaurant: { max: 100, windowSeconds: 60 },
        },
      });
      await h.svc.place(placeCommand(), request());
      now = new Date(FIXED_NOW.getTime() + 599_000);
      expect((await limited(h.svc.place(placeCommand(), request()))).message).toMatch(
        /Try again in 1 second\.$/,
      );

      now = new Date(FIXED_NOW.getTime() + 600_000);
      expect((await h.svc.place(placeCommand(), request())).status).toBe("placed");
    });

    it("counts nothing for a cart pricing refuses or an order that could not be saved", async () => {
      const h = await ordersHarness({
        menus: [replicatedMenu(), replicatedMenu({ restaurantId: "shut", isOpen: false })],
      });
      await refusal(h.svc.place(placeCommand({ restaurantId: "shut" }), request()));
      h.table.failWrites();
      await expect(h.svc.place(placeCommand(), request())).rejects.toThrow();

      expect(h.limiter.uses("customer:customer-1")).toBe(0);
      expect(h.limiter.uses(`restaurant:${fixtureMenu.restaurantId}`)).toBe(0);
    });
  });

  it("sends nothing when the order could not be saved, and reports the failure", async () => {
    const h = await ordersHarness();
    h.table.failWrites(new Error("DynamoDB unavailable"));

    await expect(h.svc.place(placeCommand(), request())).rejects.toThrow("DynamoDB unavailable");

    expect(h.sender.attempts).toBe(0);
    expect(h.effects()).toEqual({ orders: 0, outboxEntries: 0, sent: 0 });
  });

  it("saves and sends nothing for a cart pricing refuses", async () => {
    const h = await ordersHarness({ menus: [replicatedMenu({ isOpen: false })] });

    const error = await refusal(h.svc.place(placeCommand(), request()));

    expect(error.kind).toBe("unavailable");
    expect(h.effects()).toEqual({ orders: 0, outboxEntries: 0, sent: 0 });
    expect(h.table.idempotencyKeys()).toEqual([]);
  });
});
