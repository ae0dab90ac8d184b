import { createDocumentClient, createSnsClient } from "@tiffin/aws";
import { createLogger } from "@tiffin/kit";
import { createTokenVerifier, WEB_CLIENT_ID } from "@tiffin/kit/auth";
import { Resource } from "sst";
import { createRestaurantsService } from "./domain/restaurants-service";
import { snsCatalogPublisher } from "./messaging/catalog-publisher";
import { dynamoCatalogOutbox, dynamoRestaurants, dynamoTickets } from "./storage/dynamo";

/** The only place that reads `Resource.*` and builds real adapters. */
export const createService = () => {
  const db = createDocumentClient();
  const table = Resource.RestaurantsTable.name;
  return createRestaurantsService({
    restaurants: dynamoRestaurants(db, table),
    tickets: dynamoTickets(db, table),
    publisher: snsCatalogPublisher(createSnsClient(), Resource.DomainEvents.arn),
    outbox: dynamoCatalogOutbox(db, table),
    now: () => new Date(),
    log: createLogger("restaurants"),
  });
};

/** Every service verifies tokens itself, against the issuer's published keys. */
export const createVerifier = () =>
  createTokenVerifier({ issuer: Resource.Auth.url, audience: WEB_CLIENT_ID });
