import { createDocumentClient, createSnsClient } from "@tiffin/aws";
import { Resource } from "sst";
import { createRestaurantsService } from "./domain/restaurants-service";
import { snsCatalogPublisher } from "./messaging/catalog-publisher";
import { dynamoRestaurants, dynamoTickets } from "./storage/dynamo";

/** The only place that reads `Resource.*` and builds real adapters. */
export const createService = () => {
  const db = createDocumentClient();
  const table = Resource.RestaurantsTable.name;
  return createRestaurantsService({
    restaurants: dynamoRestaurants(db, table),
    tickets: dynamoTickets(db, table),
    publisher: snsCatalogPublisher(createSnsClient(), Resource.DomainEvents.arn),
    now: () => new Date(),
  });
};
