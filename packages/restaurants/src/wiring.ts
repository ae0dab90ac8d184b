import { createDocumentClient, createSnsClient } from "@tiffin/aws";
import { createLogger } from "@tiffin/kit";
import { createTokenVerifier, WEB_CLIENT_ID } from "@tiffin/kit/auth";
import { Resource } from "sst";
import { answerMinutesFrom } from "./domain/kitchen";
import { createRestaurantsService } from "./domain/restaurants-service";
import { snsCatalogPublisher } from "./messaging/catalog-publisher";
import { dynamoCatalogOutbox, dynamoRestaurants } from "./storage/dynamo";
import { createS3Client, lazyPhotoStore, s3Photos } from "./storage/s3-photos";
import { dynamoTickets } from "./storage/tickets";

/*
 * How every service is assembled (restaurants, orders, auth alike): domain/<name>-service.ts exports
 * create<Name>Service(deps), the service's operations over its ports; `createService` below builds the
 * real adapters and calls it; router.ts takes the service (create<Name>Router(svc)); handlers/api.ts joins
 * the two. Tests build the same service from fakes (test/fakes.ts).
 */

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
    // How long a new ticket waits for an answer before it is rejected automatically (default 10 minutes).
    answerMinutes: answerMinutesFrom(process.env.TICKET_ANSWER_MINUTES),
    // Only the API is linked to the bucket; TIFFIN_MEDIA_UPLOAD_URL is set locally (same-origin uploads).
    photos: lazyPhotoStore(() =>
      s3Photos(createS3Client(), Resource.MediaBucket.name, {
        uploadUrl: process.env.TIFFIN_MEDIA_UPLOAD_URL,
      }),
    ),
  });
};

/** Every service verifies tokens itself, against the issuer's published keys. */
export const createVerifier = () =>
  createTokenVerifier({ issuer: Resource.Auth.url, audience: WEB_CLIENT_ID });
