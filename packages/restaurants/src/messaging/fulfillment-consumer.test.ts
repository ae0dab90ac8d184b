import type { OrderPlacedV1 } from "@tiffin/contracts";
import { lambdaContext, snsEnvelope, sqsEvent, sqsRecord } from "@tiffin/kit/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  contractFixtureBody,
  FIXED_NOW,
  orderPlaced,
  restaurantsHarness,
  SF_KITCHEN,
} from "../../test/factories";
import { ticketFromOrder } from "../domain/kitchen-ticket";
import { createFulfillmentConsumer } from "./fulfillment-consumer";

/** The restaurants service over fakes (demo catalog stored) and its FulfillmentQueue consumer. */
const setup = async () => {
  const h = await restaurantsHarness();
  const consumer = createFulfillmentConsumer(h.svc);
  const deliver = (...records: ReturnType<typeof sqsRecord>[]) =>
    consumer(sqsEvent(...records), lambdaContext());
  return { ...h, deliver };
};

const body = (event: OrderPlacedV1) => JSON.stringify(event);
const fixtureBody = () => contractFixtureBody("order.placed.v1");
const ticketOrderIds = (h: Awaited<ReturnType<typeof setup>>) =>
  h.tickets
    .all()
    .map((t) => t.orderId)
    .sort();

describe("fulfillment consumer (OrderPlaced v1 and v2)", () => {
  beforeEach(() => {
    vi.stubEnv("LOG_LEVEL", "SILENT");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("turns the contract fixture into one kitchen ticket", async () => {
    const h = await setup();

    const result = await h.deliver(sqsRecord(fixtureBody()));

    expect(result.batchItemFailures).toEqual([]);
    expect(h.tickets.all()).toEqual([ticketFromOrder(orderPlaced(), FIXED_NOW, SF_KITCHEN)]);
  });

  it("turns the order.placed v2 fixture into a ticket showing the chosen options", async () => {
    const h = await setup();

    const result = await h.deliver(sqsRecord(contractFixtureBody("order.placed.v2")));

    expect(result.batchItemFailures).toEqual([]);
    expect(h.tickets.all()[0]?.lines[0]?.options).toEqual([
      { groupName: "Spice level", name: "Hot 🌶️" },
      { groupName: "Extras", name: "Raita" },
    ]);
  });

  it("creates nothing for an order the customer withdrew before it arrived (tombstone)", async () => {
    const h = await setup();
    const order = orderPlaced();
    expect(
      await h.svc.requestCancel({
        type: "order.cancel-requested",
        version: 1,
        eventId: `order.cancel-requested:${order.orderId}`,
        occurredAt: order.placedAt,
        correlationId: order.correlationId,
        orderId: order.orderId,
        restaurantId: order.restaurantId,
        requestedAt: order.placedAt,
      }),
    ).toBe("tombstoned");

    const result = await h.deliver(sqsRecord(fixtureBody()));

    expect(result.batchItemFailures).toEqual([]);
    expect(h.tickets.all()).toEqual([]);
  });

  it("has one effect for a redelivery of the same message", async () => {
    const h = await setup();
    const record = sqsRecord(fixtureBody());

    const first = await h.deliver(record);
    const redelivery = await h.deliver({
      ...record,
      attributes: { ...record.attributes, ApproximateReceiveCount: "2" },
    });

    expect(first.batchItemFailures).toEqual([]);
    expect(redelivery.batchItemFailures).toEqual([]);
    expect(h.tickets.all()).toHaveLength(1);
  });

  it("has one effect for the same OrderPlaced sent twice in one batch (the outbox may resend)", async () => {
    const h = await setup();

    const result = await h.deliver(sqsRecord(fixtureBody()), sqsRecord(fixtureBody()));

    expect(result.batchItemFailures).toEqual([]);
    expect(h.tickets.all()).toHaveLength(1);
  });

  it("accepts a body wrapped in an SNS envelope", async () => {
    const h = await setup();

    const result = await h.deliver(sqsRecord(snsEnvelope(fixtureBody())));

    expect(result.batchItemFailures).toEqual([]);
    expect(ticketOrderIds(h)).toEqual([orderPlaced().orderId]);
  });

  it.each([
    { poison: "invalid JSON", body: "{not json" },
    { poison: "an empty body", body: "" },
    { poison: "an order without lines", body: body({ ...orderPlaced({ orderId: "poison" }), lines: [] }) },
    {
      poison: "a line with quantity 0",
      body: body(
        orderPlaced({
          orderId: "poison",
          lines: [{ itemId: "x", name: "X", quantity: 0, unitPriceCents: 1 }],
        }),
      ),
    },
    {
      poison: "a v2 order whose lines lack their options",
      body: JSON.stringify({ ...orderPlaced({ orderId: "poison" }), version: 2 }),
    },
    {
      poison: "a version that does not exist yet",
      body: JSON.stringify({ ...orderPlaced({ orderId: "poison" }), version: 3 }),
    },
    { poison: "another event type", body: contractFixtureBody("restaurant.catalog-published.v1") },
    {
      poison: "an order for an unknown restaurant",
      body: body(orderPlaced({ orderId: "poison", restaurantId: "no-such-restaurant" })),
    },
  ])(
    "reports only the poison record ($poison) while the good ones around it take effect",
    async ({ body: poisonBody }) => {
      const h = await setup();
      const poison = sqsRecord(poisonBody);

      const result = await h.deliver(
        sqsRecord(body(orderPlaced({ orderId: "good-1" }))),
        poison,
        sqsRecord(body(orderPlaced({ orderId: "good-2", restaurantId: "nonna-rosa" }))),
      );

      expect(result.batchItemFailures).toEqual([{ itemIdentifier: poison.messageId }]);
      expect(ticketOrderIds(h)).toEqual(["good-1", "good-2"]);
    },
  );
});
