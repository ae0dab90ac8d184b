import { TicketWithdrawnV1 } from "@tiffin/contracts";
import { lambdaContext, snsEnvelope, sqsEvent, sqsRecord } from "@tiffin/kit/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { contractFixtureBody, orderPlaced, restaurantsHarness } from "../../test/factories";
import { createInboxConsumer } from "./inbox-consumer";

/** The restaurants service over fakes and its RestaurantsInbox consumer (order.cancel-requested). */
const setup = async () => {
  const h = await restaurantsHarness();
  const consumer = createInboxConsumer(h.svc);
  const deliver = (...records: ReturnType<typeof sqsRecord>[]) =>
    consumer(sqsEvent(...records), lambdaContext());
  return { ...h, deliver };
};

const fixture = () => JSON.parse(contractFixtureBody("order.cancel-requested.v1")) as Record<string, unknown>;
const FIXTURE_ORDER = "0d9c8c5e-3c1f-4d8e-9a55-7f0a2b1c4d6e";
const requestFor = (orderId: string) =>
  JSON.stringify({ ...fixture(), orderId, eventId: `order.cancel-requested:${orderId}` });

describe("inbox consumer (order.cancel-requested v1)", () => {
  beforeEach(() => {
    vi.stubEnv("LOG_LEVEL", "SILENT");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("withdraws the fixture's new ticket and publishes ticket.withdrawn", async () => {
    const h = await setup();
    await h.svc.receiveOrder(orderPlaced({ orderId: FIXTURE_ORDER }));

    const result = await h.deliver(sqsRecord(contractFixtureBody("order.cancel-requested.v1")));

    expect(result.batchItemFailures).toEqual([]);
    expect(h.tickets.all().map((t) => t.status)).toEqual(["withdrawn"]);
    expect(TicketWithdrawnV1.parse(h.publisher.ticketEvents[0]).orderId).toBe(FIXTURE_ORDER);
  });

  it("leaves a tombstone for a request that arrives before its order, so the order creates nothing", async () => {
    const h = await setup();

    const result = await h.deliver(sqsRecord(snsEnvelope(contractFixtureBody("order.cancel-requested.v1"))));

    expect(result.batchItemFailures).toEqual([]);
    expect(h.tickets.tombstoned()).toEqual([FIXTURE_ORDER]);
    expect(await h.svc.receiveOrder(orderPlaced({ orderId: FIXTURE_ORDER }))).toBe("duplicate");
    expect(h.tickets.all()).toEqual([]);
  });

  it("has one effect for a redelivery and for a duplicate in the same batch", async () => {
    const h = await setup();
    await h.svc.receiveOrder(orderPlaced({ orderId: FIXTURE_ORDER }));
    const record = sqsRecord(contractFixtureBody("order.cancel-requested.v1"));

    const first = await h.deliver(record, sqsRecord(contractFixtureBody("order.cancel-requested.v1")));
    const again = await h.deliver({
      ...record,
      attributes: { ...record.attributes, ApproximateReceiveCount: "2" },
    });

    expect(first.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    expect(h.publisher.ticketEvents).toHaveLength(1);
  });

  it("changes nothing for an order the kitchen already accepted", async () => {
    const h = await setup();
    await h.svc.receiveOrder(orderPlaced({ orderId: FIXTURE_ORDER }));
    await h.svc.acceptTicket(
      { restaurants: [{ id: "bombay-tiffin-house", role: "staff" }] },
      { restaurantId: "bombay-tiffin-house", orderId: FIXTURE_ORDER, prepMinutes: 20 },
    );

    const result = await h.deliver(sqsRecord(contractFixtureBody("order.cancel-requested.v1")));

    expect(result.batchItemFailures).toEqual([]);
    expect(h.tickets.all().map((t) => t.status)).toEqual(["accepted"]);
    expect(h.publisher.ticketEvents.map((e) => e.type)).toEqual(["ticket.accepted"]);
  });

  it.each([
    { poison: "invalid JSON", body: "{nope" },
    { poison: "a request without an order id", body: JSON.stringify({ ...fixture(), orderId: "" }) },
    { poison: "a later version", body: JSON.stringify({ ...fixture(), version: 2 }) },
    { poison: "another event type", body: contractFixtureBody("order.placed.v1") },
    {
      poison: "a request for an unknown restaurant",
      body: JSON.stringify({ ...fixture(), orderId: "poison", restaurantId: "no-such-restaurant" }),
    },
  ])("reports only the bad record ($poison) while the good ones around it take effect", async ({ body }) => {
    const h = await setup();
    await h.svc.receiveOrder(orderPlaced({ orderId: "good-1" }));
    const bad = sqsRecord(body);

    const result = await h.deliver(sqsRecord(requestFor("good-1")), bad, sqsRecord(requestFor("good-2")));

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: bad.messageId }]);
    expect(h.tickets.all().map((t) => [t.orderId, t.status])).toEqual([["good-1", "withdrawn"]]);
    expect(h.tickets.tombstoned()).toEqual(["good-2"]);
  });
});
