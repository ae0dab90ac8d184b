/** The real restaurants service over DynamoDB Local, with the restaurant of the OrderPlaced fixture saved. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GetQueueAttributesCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { OrderPlacedV1 } from "@tiffin/contracts";
import { createRestaurantsService } from "@tiffin/restaurants/domain";
import { dynamoCatalogOutbox, dynamoRestaurants, dynamoTickets } from "@tiffin/restaurants/storage";

export const fixture = OrderPlacedV1.parse(
  JSON.parse(
    readFileSync(join(import.meta.dirname, "../../contracts/fixtures/order.placed.v1.json"), "utf8"),
  ),
);
export const orderFor = (orderId: string) => ({ ...fixture, orderId, eventId: `order.placed:${orderId}` });
export const staffOf = (id: string) => ({ restaurants: [{ id, role: "staff" as const }] });

/** `db` is how the service reaches its table (tests may route it through a relay they can switch off). */
export const restaurantsOver = async (db: DynamoDBDocumentClient = emulatorClients().db) => {
  const table = await freshTable("RestaurantsTable");
  const setupSvc = createRestaurantsService({
    restaurants: dynamoRestaurants(emulatorClients().db, table),
    tickets: dynamoTickets(emulatorClients().db, table),
    publisher: { publish: async () => undefined },
    outbox: dynamoCatalogOutbox(emulatorClients().db, table),
    now: () => new Date(),
    log: { info: () => undefined, warn: () => undefined },
  });
  const { demoRestaurants } = await import("@tiffin/restaurants/demo-data");
  const restaurant = demoRestaurants.find((r) => r.id === fixture.restaurantId);
  if (!restaurant) throw new Error("fixture restaurant missing from demo data");
  await setupSvc.saveRestaurant({ ...restaurant, revision: 0 }, "test");
  const svc = createRestaurantsService({
    restaurants: dynamoRestaurants(db, table),
    tickets: dynamoTickets(db, table),
    publisher: { publish: async () => undefined },
    outbox: dynamoCatalogOutbox(db, table),
    now: () => new Date(),
    log: { info: () => undefined, warn: () => undefined },
  });
  /** Order ids of the fixture restaurant's tickets, read straight from the emulator. */
  const ticketOrderIds = async (restaurantId = fixture.restaurantId) =>
    (await setupSvc.tickets(restaurantId, staffOf(restaurantId), { limit: 100 })).tickets
      .map((t) => t.orderId)
      .sort();
  return { svc, setupSvc, table, ticketOrderIds };
};

/** Messages in a queue, visible or in flight. */
export const depth = async (url: string, sqs: SQSClient = emulatorClients().sqs) => {
  const out = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return (
    Number(out.Attributes?.ApproximateNumberOfMessages) +
    Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
};
