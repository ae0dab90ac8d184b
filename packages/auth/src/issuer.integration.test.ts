import { randomUUID } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { StorageAdapter } from "@openauthjs/openauth/storage/storage";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { createTokenVerifier, type TokenVerifier, WEB_CLIENT_ID } from "@tiffin/kit/auth";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { handle, type LambdaEvent } from "hono/aws-lambda";
import { createLocalJWKSet, decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  codeFromDevMailbox,
  issuerSession,
  loginWithPassword,
  registerCustomer,
  SignInError,
  type Tokens,
} from "../test/login";
import { DEMO_PASSWORD, seedDemoAccounts } from "./demo/seed";
import { createLoginThrottle } from "./domain/throttle";
import { behindFunctionUrl, createIssuerApp, type IssuerApp } from "./issuer";
import { dynamoAccounts, dynamoAttemptCounter, dynamoDevMailbox } from "./storage/dynamo";
import { openAuthDynamoStorage } from "./storage/openauth";
import { openAuthPasswords } from "./storage/passwords";

/*
 * The real issuer app (OpenAuth + our middleware) against DynamoDB Local, called in process through
 * `app.fetch`: the same requests a browser makes, the same tokens the services verify.
 */
const ISSUER = "http://127.0.0.1:4999";
const WEB = "http://127.0.0.1:3999";
const redirectUri = `${WEB}/auth/callback`;

const { db, dynamoEndpoint } = emulatorClients();
let table = "";
let app: IssuerApp;
let verify: TokenVerifier;
/** Keys of every OpenAuth storage read, to prove what a throttled request did not touch. */
const reads: string[][] = [];

const appFetch: typeof fetch = async (input, init) => app.fetch(new Request(input, init));
/** Each test signs in from its own address, so the per-address limit of one never trips another. */
const as = (clientAddress: string) => ({ issuer: ISSUER, redirectUri, fetch: appFetch, clientAddress });

const recording = (storage: StorageAdapter): StorageAdapter => ({
  ...storage,
  get: (key) => {
    reads.push(key);
    return storage.get(key);
  },
});

beforeAll(async () => {
  // OpenAuth's DynamoDB client (aws4fetch) signs with credentials and region from the environment only.
  vi.stubEnv("AWS_ACCESS_KEY_ID", "local");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "local");
  vi.stubEnv("AWS_REGION", "us-east-1");
  table = await freshTable("AuthTable");
  const storage = recording(openAuthDynamoStorage({ table, endpoint: dynamoEndpoint }));
  const now = () => new Date();
  const mailbox = dynamoDevMailbox(db, table, { now, newId: randomUUID });
  const accounts = dynamoAccounts(db, table);
  app = createIssuerApp({
    storage,
    accounts,
    mailer: mailbox,
    mailbox,
    throttle: createLoginThrottle({ attempts: dynamoAttemptCounter(db, table), now }),
    webOrigins: [WEB],
    now,
    newId: randomUUID,
  });
  await seedDemoAccounts({ accounts, passwords: openAuthPasswords(storage), now });
  const jwks = await (await appFetch(`${ISSUER}/.well-known/jwks.json`)).json();
  verify = createTokenVerifier({ issuer: ISSUER, audience: WEB_CLIENT_ID, keys: createLocalJWKSet(jwks) });
});

afterAll(() => {
  vi.unstubAllEnvs();
});

const refused = async (attempt: Promise<Tokens>) => {
  const error = await attempt.then(
    () => new Error("expected the sign-in to be refused"),
    (e: unknown) => e,
  );
  if (!(error instanceof SignInError)) throw error;
  return error.response;
};

const refresh = (refreshToken: string) =>
  appFetch(`${ISSUER}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }).toString(),
  });

describe("password login", () => {
  it("signs a restaurant owner in with a 15-minute access token the services accept", async () => {
    const tokens = await loginWithPassword({
      ...as("10.1.0.1"),
      email: "owner@bombay.tiffin.test",
      password: DEMO_PASSWORD,
    });
    const actor = await verify(tokens.access);
    expect(actor).toEqual({
      id: "5b0c2f4e-8d1a-4c3b-9e6f-000000000002",
      email: "owner@bombay.tiffin.test",
      name: "Priya (Bombay Tiffin House)",
      role: "restaurant",
      restaurants: [{ id: "bombay-tiffin-house", role: "owner" }],
    });
    const claims = decodeJwt(tokens.access);
    expect(claims.iss).toBe(ISSUER);
    expect(claims.sub).toBe(actor.id);
    expect((claims.exp ?? 0) - Date.now() / 1000).toBeGreaterThan(14 * 60);
    expect((claims.exp ?? 0) - Date.now() / 1000).toBeLessThanOrEqual(15 * 60);
  });

  it("gives a refresh token that lasts 30 days and yields a new access token", async () => {
    const tokens = await loginWithPassword({
      ...as("10.1.0.2"),
      email: "agent@tiffin.test",
      password: DEMO_PASSWORD,
    });
    const [subject, id] = [
      tokens.refresh.slice(0, tokens.refresh.lastIndexOf(":")),
      tokens.refresh.split(":").pop(),
    ];
    const stored = await db.send(
      new GetCommand({ TableName: table, Key: { pk: `oauth:refresh\x1f${subject}`, sk: id } }),
    );
    const days = (Number(stored.Item?.expiry) - Date.now() / 1000) / 86_400;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const res = await refresh(tokens.refresh);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string };
    expect((await verify(body.access_token)).role).toBe("agent");
  });

  it("gives no code for a wrong password: the form comes back with a message", async () => {
    const answer = await refused(
      loginWithPassword({ ...as("10.1.0.3"), email: "customer@tiffin.test", password: "not-the-password" }),
    );
    expect(answer.status).toBe(401);
    expect(answer.body).toContain("That email and password don&#39;t match");
  });

  it("answers an unknown email exactly as a wrong password (nothing tells which emails have accounts)", async () => {
    const wrong = await refused(
      loginWithPassword({ ...as("10.1.0.4"), email: "customer@tiffin.test", password: "not-the-password" }),
    );
    const unknown = await refused(
      loginWithPassword({ ...as("10.1.0.4"), email: "nobody@tiffin.test", password: "not-the-password" }),
    );
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body.replaceAll("nobody@tiffin.test", "EMAIL")).toBe(
      wrong.body.replaceAll("customer@tiffin.test", "EMAIL"),
    );
  });

  it("refuses other clients and foreign redirect URIs with a page, never a redirect", async () => {
    for (const query of [
      { client_id: "someone-else", redirect_uri: redirectUri },
      { client_id: WEB_CLIENT_ID, redirect_uri: "https://evil.example/callback" },
      { client_id: WEB_CLIENT_ID, redirect_uri: "not a url" },
    ]) {
      const res = await appFetch(
        `${ISSUER}/authorize?${new URLSearchParams({ ...query, response_type: "code", provider: "password" })}`,
        { redirect: "manual" },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
      expect(await res.text()).toContain("This sign-in link is not valid");
    }
  });
});

describe("login throttling", () => {
  it("refuses the 6th attempt for an account with 429, even with the right password, checking nothing", async () => {
    const email = "courier2@tiffin.test";
    for (let i = 0; i < 5; i++) {
      const answer = await refused(
        loginWithPassword({ ...as(`10.2.0.${i}`), email, password: `wrong-${i}` }),
      );
      expect(answer.status).toBe(401);
    }
    reads.length = 0;
    const answer = await refused(loginWithPassword({ ...as("10.2.1.1"), email, password: DEMO_PASSWORD }));
    expect(answer.status).toBe(429);
    expect(answer.body).toContain("Too many sign-in attempts");
    expect(answer.body).toMatch(/wait 1[45] minutes/);
    // OpenAuth never looked up the password (nor did the throttle's own existence check).
    expect(reads.filter((key) => key[0] === "email" && key[2] === "password")).toEqual([]);
  });

  it("sends Retry-After with the 429", async () => {
    const email = "courier3@tiffin.test";
    for (let i = 0; i < 5; i++)
      await refused(loginWithPassword({ ...as("10.3.0.1"), email, password: "wrong" }));
    const s = issuerSession({ issuer: ISSUER, fetch: appFetch, clientAddress: "10.3.0.2" });
    const res = await s.request("/password/authorize", { form: { email, password: DEMO_PASSWORD } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
  });

  it("refuses an address after 20 failures, whichever accounts they were for", async () => {
    for (let i = 0; i < 20; i++) {
      await refused(
        loginWithPassword({ ...as("10.4.0.1"), email: `guess${i}@tiffin.test`, password: "wrong" }),
      );
    }
    const answer = await refused(
      loginWithPassword({ ...as("10.4.0.1"), email: "customer@tiffin.test", password: DEMO_PASSWORD }),
    );
    expect(answer.status).toBe(429);
    await loginWithPassword({ ...as("10.4.0.2"), email: "customer@tiffin.test", password: DEMO_PASSWORD });
  });

  it("forgets an account's failures when it signs in", async () => {
    const email = "courier1@tiffin.test";
    for (let i = 0; i < 4; i++)
      await refused(loginWithPassword({ ...as("10.5.0.1"), email, password: "wrong" }));
    await loginWithPassword({ ...as("10.5.0.1"), email, password: DEMO_PASSWORD });
    for (let i = 0; i < 4; i++)
      await refused(loginWithPassword({ ...as("10.5.0.2"), email, password: "wrong" }));
    await loginWithPassword({ ...as("10.5.0.3"), email, password: DEMO_PASSWORD });
  });

  it("throttles guessing a password-reset code, per address", async () => {
    const s = issuerSession({ issuer: ISSUER, fetch: appFetch, clientAddress: "10.6.0.1" });
    expect((await s.request("/password/change")).status).toBe(200);
    await s.request("/password/change", { form: { action: "code", email: "customer@tiffin.test" } });
    for (let i = 0; i < 20; i++) {
      const res = await s.request("/password/change", {
        form: { action: "verify", code: String(100000 + i) },
      });
      expect(res.status).toBe(400);
    }
    const res = await s.request("/password/change", { form: { action: "verify", code: "123456" } });
    expect(res.status).toBe(429);
  });
});

describe("registration", () => {
  it("sends a code to the dev mailbox and, once verified, signs the new person in as a customer", async () => {
    const email = `new-${randomUUID().slice(0, 8)}@example.com`;
    const tokens = await registerCustomer({ ...as("10.7.0.1"), email, password: "a-new-password" });
    const actor = await verify(tokens.access);
    expect(actor).toMatchObject({ email, role: "customer", restaurants: [], name: email.split("@")[0] });
    expect(await dynamoAccounts(db, table).byEmail(email)).toMatchObject({ id: actor.id, role: "customer" });
    // The same person signs in later with that password, and is the same account.
    const again = await loginWithPassword({ ...as("10.7.0.2"), email, password: "a-new-password" });
    expect((await verify(again.access)).id).toBe(actor.id);
  });

  it("lists the messages on the dev mailbox page, newest first, for a person to read", async () => {
    const [first, second] = [1, 2].map((n) => `reader${n}-${randomUUID().slice(0, 8)}@example.com`);
    await registerCustomer({ ...as("10.7.0.3"), email: first ?? "", password: "a-new-password" });
    await registerCustomer({ ...as("10.7.0.3"), email: second ?? "", password: "a-new-password" });
    const code = await codeFromDevMailbox({ issuer: ISSUER, email: second ?? "", fetch: appFetch });
    const res = await appFetch(`${ISSUER}/dev/mailbox`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain(`Your Tiffin code is ${code}.`);
    expect(page.indexOf(second ?? "")).toBeGreaterThan(-1);
    expect(page.indexOf(second ?? "")).toBeLessThan(page.indexOf(first ?? ""));
  });
});

describe("password reset", () => {
  it("sets a new password through an emailed code and revokes the refresh tokens issued before", async () => {
    const email = `reset-${randomUUID().slice(0, 8)}@example.com`;
    const before = await registerCustomer({ ...as("10.8.0.1"), email, password: "first-password" });
    const s = issuerSession({ issuer: ISSUER, fetch: appFetch, clientAddress: "10.8.0.2" });
    await s.request("/password/change");
    await s.request("/password/change", { form: { action: "code", email } });
    const code = await codeFromDevMailbox({ issuer: ISSUER, email, fetch: appFetch });
    expect(code).toMatch(/^\d{6}$/);
    expect(
      (await s.request("/password/change", { form: { action: "verify", code: code ?? "" } })).status,
    ).toBe(200);
    const updated = await s.request("/password/change", {
      form: { action: "update", password: "second-password", repeat: "second-password" },
    });
    expect(updated.status).toBe(302);

    expect((await refresh(before.refresh)).status).toBe(400);
    const old = await refused(loginWithPassword({ ...as("10.8.0.3"), email, password: "first-password" }));
    expect(old.status).toBe(401);
    await loginWithPassword({ ...as("10.8.0.3"), email, password: "second-password" });
  });
});

describe("pages", () => {
  it("load nothing from elsewhere, declare their language, and may not be framed", async () => {
    const s = issuerSession({ issuer: ISSUER, fetch: appFetch });
    const query = new URLSearchParams({
      client_id: WEB_CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: "code",
    });
    await s.request(`/authorize?${query}`);
    const res = await s.request("/password/authorize");
    const page = await res.text();
    expect(page).toContain("<title>Tiffin</title>");
    expect(page).toMatch(/<html lang="en"/);
    expect(page).not.toMatch(/@import|(src|href)="https?:/);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("content-security-policy")).toContain(`form-action 'self' ${WEB}`);
  });

  it("has no dev mailbox when mail really goes out", async () => {
    const withoutMailbox = createIssuerApp({
      storage: openAuthDynamoStorage({ table, endpoint: dynamoEndpoint }),
      accounts: dynamoAccounts(db, table),
      mailer: { send: async () => undefined },
      throttle: createLoginThrottle({ attempts: dynamoAttemptCounter(db, table), now: () => new Date() }),
      webOrigins: [WEB],
      now: () => new Date(),
      newId: randomUUID,
    });
    expect((await withoutMailbox.fetch(new Request(`${ISSUER}/dev/mailbox`))).status).toBe(404);
    expect((await withoutMailbox.fetch(new Request(`${ISSUER}/dev/mailbox.json`))).status).toBe(404);
  });
});

describe("behind a Function URL (the Lambda handler)", () => {
  /** The Function URL (payload 2.0) event, as the local host builds it for a plain-http request. */
  const event = (path: string, query = ""): APIGatewayProxyEventV2 => ({
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: query,
    headers: { host: "127.0.0.1:4999", "x-forwarded-proto": "http" },
    requestContext: {
      accountId: "anonymous",
      apiId: "local",
      domainName: "127.0.0.1:4999",
      domainPrefix: "local",
      http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "10.9.0.1", userAgent: "test" },
      requestId: randomUUID(),
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  });
  // @types/aws-lambda and hono type the same event slightly differently (`body?: string` vs `string | null`).
  const invoke = (e: APIGatewayProxyEventV2) =>
    handle(behindFunctionUrl(app))(e as unknown as LambdaEvent) as Promise<APIGatewayProxyStructuredResultV2>;

  it("names itself with the scheme the client used (the token issuer claim), not https", async () => {
    const out = await invoke(event("/.well-known/oauth-authorization-server"));
    expect(JSON.parse(out.body ?? "{}")).toMatchObject({ issuer: ISSUER, token_endpoint: `${ISSUER}/token` });
  });

  it("sets its cookies without Secure over plain http, as separate cookies", async () => {
    const query = new URLSearchParams({
      client_id: WEB_CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: "code",
    });
    const out = await invoke(event("/authorize", query.toString()));
    expect(out.statusCode).toBe(302);
    expect(out.cookies?.some((c) => c.startsWith("authorization="))).toBe(true);
    expect(out.cookies?.join("\n")).not.toMatch(/secure/i);
  });
});
