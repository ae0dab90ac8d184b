import { randomUUID } from "node:crypto";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { createDocumentClient } from "@tiffin/aws";
import { createTokenVerifier } from "@tiffin/kit/auth";
import { WEB_CLIENT_ID } from "@tiffin/kit/session";
import { Resource } from "sst";
import { createAuthService } from "./domain/auth-service";
import { createIssuerApp } from "./issuer/app";
import { issuerEnv } from "./issuer/env";
import { sesMailer } from "./messaging/ses-mailer";
import { dynamoAccounts, dynamoAttemptCounter, dynamoCodes, dynamoDevMailbox } from "./storage/dynamo";
import { openAuthDynamoStorage, openAuthRefreshTokens } from "./storage/openauth";
import { openAuthPasswords } from "./storage/passwords";

/*
 * How every service is assembled (restaurants, orders, auth alike): domain/<name>-service.ts exports
 * create<Name>Service(deps), the service's operations over its ports; `createService` below builds the
 * real adapters and calls it; router.ts takes the service (create<Name>Router(svc)); handlers/api.ts joins
 * the two. Tests build the same service from fakes (test/fakes.ts).
 */

/*
 * The only place that reads `Resource.*` and the environment, and builds real adapters.
 * OpenAuth talks to DynamoDB through its own small client (aws4fetch), which takes credentials and region
 * from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN / AWS_REGION: Lambda sets them, and
 * so does local mode (with the DynamoDB Local endpoint in AWS_ENDPOINT_URL_DYNAMODB).
 */
const openAuthStorage = (table: string, endpoint: string | undefined) =>
  openAuthDynamoStorage({ table, pk: "pk", sk: "sk", ttl: "expiry", endpoint });

/** Every service verifies tokens itself, against the issuer's published keys. */
export const createVerifier = () =>
  createTokenVerifier({ issuer: Resource.Auth.url, audience: WEB_CLIENT_ID });

export const createIssuer = () => {
  const env = issuerEnv();
  // sst.aws.Auth points OPENAUTH_STORAGE at a table of its own, and OpenAuth then ignores the `storage`
  // it is given. The auth service keeps OpenAuth's records in AuthTable, beside its accounts, through
  // the adapter in storage/openauth.ts.
  delete process.env.OPENAUTH_STORAGE;
  const table = Resource.AuthTable.name;
  const db = createDocumentClient();
  const deps = { now: () => new Date(), newId: randomUUID };
  const devMailbox = () => {
    const box = dynamoDevMailbox(db, table, deps);
    return { mailer: box, mailbox: box };
  };
  const mail =
    env.TIFFIN_MAIL === "mailbox"
      ? devMailbox()
      : { mailer: sesMailer(new SESv2Client({}), env.TIFFIN_MAIL_FROM) };
  return createIssuerApp({
    ...deps,
    ...mail,
    storage: openAuthStorage(table, env.AWS_ENDPOINT_URL_DYNAMODB),
    accounts: dynamoAccounts(db, table),
    attempts: dynamoAttemptCounter(db, table),
    codes: dynamoCodes(db, table),
    webOrigins: env.TIFFIN_WEB_ORIGINS,
  });
};

/** The auth API's service: accounts, and OpenAuth's refresh tokens (to revoke an account's sessions). */
export const createService = () => {
  const table = Resource.AuthTable.name;
  return createAuthService({
    accounts: dynamoAccounts(createDocumentClient(), table),
    refreshTokens: openAuthRefreshTokens(openAuthStorage(table, process.env.AWS_ENDPOINT_URL_DYNAMODB)),
  });
};

/** What the demo seed writes through: the accounts store and OpenAuth's password records. */
export const createSeedDeps = () => {
  const table = Resource.AuthTable.name;
  return {
    accounts: dynamoAccounts(createDocumentClient(), table),
    passwords: openAuthPasswords(openAuthStorage(table, process.env.AWS_ENDPOINT_URL_DYNAMODB)),
    now: () => new Date(),
  };
};
