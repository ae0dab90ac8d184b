import { randomUUID } from "node:crypto";
import { DeleteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { StorageAdapter } from "@openauthjs/openauth/storage/storage";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { createCallerFactory, createLogger } from "@tiffin/kit";
import { createTokenVerifier, type TokenVerifier } from "@tiffin/kit/auth";
import { TOKEN_LIFETIME_SECONDS, WEB_CLIENT_ID } from "@tiffin/kit/session";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { handle, type LambdaEvent } from "hono/aws-lambda";
import { createLocalJWKSet, decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  authorizationRequest,
  authorize,
  codeFromDevMailbox,
  issuerSession,
  loginWithPassword,
  registerCustomer,
  SignInError,
  type Tokens,
} from "../../test/login";
import { DEMO_PASSWORD, seedDemoAccounts } from "../demo/seed";
import type { Account } from "../domain/accounts";
import { createAuthService } from "../domain/auth-service";
import { createAuthRouter } from "../router";
import { dynamoAccounts, dynamoAttemptCounter, dynamoCodes, dynamoDevMailbox } from "../storage/dynamo";
import { openAuthDynamoStorage, openAuthRefreshTokens } from "../storage/openauth";
import { openAuthPasswords } from "../storage/passwords";
import { createIssuerApp, type IssuerApp, type IssuerDeps } from "./app";
import { behindFunctionUrl } from "./function-url";

/*
 * The real issuer app (OpenAuth + Tiffin's password provider and guards) against DynamoDB Local, called
 * in process through `app.fetch`: the same requests a browser makes, the same tokens the services verify.
 */
const ISSUER = "http://127.0.0.1:4999";
const WEB = "http://127.0.0.1:3999";
const redirectUri = `${WEB}/auth/callback`;

const { db, dynamoEndpoint } = emulatorClients();
let table = "";
let app: IssuerApp;
let verify: TokenVerifier;
let storage: StorageAdapter;
/** Keys of every OpenAuth storage read, to prove what a throttled request did not touch. */
const reads: string[][] = [];
const passwordChecks = (email: string) =>
  reads.filter((key) => key[0] === "email" && key[1] === email && key[2] === "password").length;

const appFetch: typeof fetch = async (input, init) => app.fetch(new Request(input, init));
/** Each test signs in from its own address, so the per-address limit of one never trips another. */
const as = (clientAddress: string) => ({ issuer: ISSUER, redirectUri, fetch: appFetch, clientAddress });
const session = (clientAddress: string) => issuerSession({ issuer: ISSUER, fetch: appFetch, clientAddress });
const newEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

const recording = (inner: StorageAdapter): StorageAdapter => ({
  ...inner,
  get: (key) => {
    reads.push(key);
    return inner.get(key);
  },
});

const issuerDeps = (overrides: Partial<IssuerDeps> = {}): IssuerDeps => {
  const now = overrides.now ?? (() => new Date());
  const mailbox = dynamoDevMailbox(db, table, { now, newId: randomUUID });
  return {
    storage,
    accounts: dynamoAccounts(db, table),
    mailer: mailbox,
    mailbox,
    attempts: dynamoAttemptCounter(db, table),
    codes: dynamoCodes(db, table),
    webOrigins: [WEB],
    now,
    newId: randomUUID,
    ...overrides,
  };
};

beforeAll(async () => {
  // OpenAuth's DynamoDB client (aws4fetch) signs with credentials and region from the environment only.
  vi.stubEnv("AWS_ACCESS_KEY_ID", "local");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "local");
  vi.stubEnv("AWS_REGION", "us-east-1");
  table = await freshTable("AuthTable");
  storage = recording(openAuthDynamoStorage({ table, endpoint: dynamoEndpoint }));
  app = createIssuerApp(issuerDeps());
  await seedDemoAccounts({
    accounts: dynamoAccounts(db, table),
    passwords: openAuthPasswords(storage),
    now: () => new Date(),
  });
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

/** An account of our own (so no test changes a demo account another test signs in with). */
const createAccount = async (overrides: Partial<Account> = {}, password = "a-new-password") => {
  const account: Account = {
    id: randomUUID(),
    email: newEmail("acct"),
    name: "Test Person",
    role: "customer",
    restaurants: [],
    createdAt: new Date().toISOString(),
    ...overrides,
  };
  await dynamoAccounts(db, table).create(account);
  await openAuthPasswords(storage).set(account.email, password);
  return { account, password };
};

/** Opens a password reset for `email` in a fresh browser session, and reads the code it mailed. */
const startReset = async (email: string, address: string) => {
  const s = session(address);
  expect((await s.request("/password/change")).status).toBe(200);
  const sent = await s.request("/password/change", { form: { action: "code", email } });
  expect(sent.status).toBe(200);
  return { s, code: await codeFromDevMailbox({ issuer: ISSUER, email, fetch: appFetch }) };
};

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
    expect((claims.exp ?? 0) - Date.now() / 1000).toBeGreaterThan(TOKEN_LIFETIME_SECONDS.access - 60);
    expect((claims.exp ?? 0) - Date.now() / 1000).toBeLessThanOrEqual(TOKEN_LIFETIME_SECONDS.access);
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

  it("refuses a disabled account, even with the right password", async () => {
    const { account, password } = await createAccount({ disabled: true });
    const answer = await refused(loginWithPassword({ ...as("10.1.0.5"), email: account.email, password }));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("This account can't sign in");
  });
});

describe("authorization requests: only the web app's own, never a redirect elsewhere", () => {
  const valid = () => Object.fromEntries(authorizationRequest(redirectUri).query);
  const authorizeWith = (query: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
    return appFetch(`${ISSUER}/authorize?${params}`, { redirect: "manual" });
  };

  it("sends the web app's request to the sign-in form, and prompt=create to the registration form", async () => {
    const login = await authorizeWith(valid());
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe("/password/authorize");
    const register = await authorizeWith({ ...valid(), prompt: "create" });
    expect(register.status).toBe(302);
    expect(register.headers.get("location")).toBe("/password/register");
    expect(register.headers.getSetCookie().some((c) => c.startsWith("authorization="))).toBe(true);
  });

  it.each<[string, Record<string, string | undefined>]>([
    ["a provider that is a path (the reported open redirect)", { provider: "/example.org" }],
    ["a protocol-relative provider", { provider: "//example.org" }],
    ["an absolute provider", { provider: "https://example.org" }],
    ["the old registration trick", { provider: "password/register?" }],
    ["an unknown provider", { provider: "github" }],
    ["another client", { client_id: "someone-else" }],
    ["a foreign redirect URI", { redirect_uri: "https://evil.example/auth/callback" }],
    ["a look-alike host", { redirect_uri: `${WEB}.evil.example/auth/callback` }],
    ["a protocol-relative redirect URI", { redirect_uri: "//evil.example/auth/callback" }],
    ["another path of the web app", { redirect_uri: `${WEB}/orders` }],
    ["the callback with a query", { redirect_uri: `${redirectUri}?next=//evil.example` }],
    ["the callback with a fragment", { redirect_uri: `${redirectUri}#x` }],
    ["a redirect URI that is not a URL", { redirect_uri: "not a url" }],
    ["no redirect URI", { redirect_uri: undefined }],
    ["tokens in the URL (implicit flow)", { response_type: "token" }],
    ["no response type", { response_type: undefined }],
    ["no PKCE", { code_challenge: undefined, code_challenge_method: undefined }],
    ["plain PKCE", { code_challenge_method: "plain" }],
    ["a PKCE challenge that is not one", { code_challenge: "x" }],
    ["prompt=none", { prompt: "none" }],
  ])("refuses %s with a page (400), never a Location", async (_, change) => {
    const res = await authorizeWith({ ...valid(), ...change });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("This sign-in link is not valid");
  });

  it("ends a password reset on its own sign-in form, whatever redirect_uri the reset page was opened with", async () => {
    const { account } = await createAccount();
    const s = session("10.11.0.1");
    expect((await s.request("/password/change?redirect_uri=https%3A%2F%2Fevil.example%2F")).status).toBe(200);
    await s.request("/password/change", { form: { action: "code", email: account.email } });
    const code = await codeFromDevMailbox({ issuer: ISSUER, email: account.email, fetch: appFetch });
    expect(
      (await s.request("/password/change", { form: { action: "verify", code: code ?? "" } })).status,
    ).toBe(200);
    const done = await s.request("/password/change", {
      form: { action: "update", password: "a-newer-password", repeat: "a-newer-password" },
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/password/authorize?changed=1");
    const back = await s.request(done.headers.get("location") ?? "");
    expect(await back.text()).toContain("Your password was changed");
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
    expect(passwordChecks(email)).toBe(0);
  });

  it("checks only 5 of 60 wrong passwords sent at once (from 60 addresses) and refuses the other 55 with 429", async () => {
    const { account } = await createAccount();
    reads.length = 0;
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        session(`10.20.${Math.floor(i / 200)}.${i}`).request("/password/authorize", {
          form: { email: account.email, password: `guess-${i}` },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(55);
    expect(passwordChecks(account.email)).toBe(5);
  });

  it("sends Retry-After with the 429", async () => {
    const email = "courier3@tiffin.test";
    for (let i = 0; i < 5; i++)
      await refused(loginWithPassword({ ...as("10.3.0.1"), email, password: "wrong" }));
    const res = await session("10.3.0.2").request("/password/authorize", {
      form: { email, password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(TOKEN_LIFETIME_SECONDS.access - 60);
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
});

describe("one-time codes live on the server", () => {
  it("give a reset page replayed from many addresses 5 guesses in all: then even the right code is refused", async () => {
    const { account } = await createAccount();
    const { s, code } = await startReset(account.email, "10.6.0.1");
    for (let i = 0; i < 5; i++) {
      const guess = await s.request("/password/change", {
        form: { action: "verify", code: code === "000000" ? "111111" : "000000" },
        from: `10.6.1.${i}`,
      });
      expect(guess.status).toBe(400);
      expect(await guess.text()).toContain("That code is not right");
    }
    const right = await s.request("/password/change", {
      form: { action: "verify", code: code ?? "" },
      from: "10.6.2.1",
    });
    expect(right.status).toBe(400);
    expect(await right.text()).toContain("This code can no longer be used");
  });

  it("refuse a registration code after 5 wrong guesses, and create no account", async () => {
    const email = newEmail("reg-guess");
    const s = session("10.6.3.1");
    const authorized = await authorize({ ...as("10.6.3.1"), email, password: "" }, s, "register");
    await s.request(authorized.next);
    await s.request("/password/register", {
      form: { action: "register", email, name: "", password: "a-new-password", repeat: "a-new-password" },
    });
    const code = await codeFromDevMailbox({ issuer: ISSUER, email, fetch: appFetch });
    for (let i = 0; i < 5; i++) {
      await s.request("/password/register", {
        form: { action: "verify", code: code === "000000" ? "111111" : "000000" },
        from: `10.6.4.${i}`,
      });
    }
    const right = await s.request("/password/register", { form: { action: "verify", code: code ?? "" } });
    expect(right.status).toBe(400);
    expect(await right.text()).toContain("This code can no longer be used");
    expect(await dynamoAccounts(db, table).byEmail(email)).toBeUndefined();
  });

  it("are voided by a newer code: the first browser's code no longer works", async () => {
    const { account } = await createAccount();
    const first = await startReset(account.email, "10.6.5.1");
    const second = await startReset(account.email, "10.6.5.2");
    expect(second.code).not.toBe(undefined);
    const stale = await first.s.request("/password/change", {
      form: { action: "verify", code: first.code ?? "" },
    });
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain("This code can no longer be used");
    const fresh = await second.s.request("/password/change", {
      form: { action: "verify", code: second.code ?? "" },
    });
    expect(fresh.status).toBe(200);
  });

  it("work once: replaying a finished reset changes nothing", async () => {
    const { account } = await createAccount();
    const { s, code } = await startReset(account.email, "10.6.6.1");
    await s.request("/password/change", { form: { action: "verify", code: code ?? "" } });
    // Someone holding a copy of this browser's state (cookies) right after the right code was entered.
    const replay = s.fork("10.6.6.2");
    const done = await s.request("/password/change", {
      form: { action: "update", password: "first-new-password", repeat: "first-new-password" },
    });
    expect(done.status).toBe(302);
    const again = await replay.request("/password/change", {
      form: { action: "update", password: "attackers-password", repeat: "attackers-password" },
    });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("This code can no longer be used");
    await loginWithPassword({ ...as("10.6.6.3"), email: account.email, password: "first-new-password" });
    const attacker = await refused(
      loginWithPassword({ ...as("10.6.6.3"), email: account.email, password: "attackers-password" }),
    );
    expect(attacker.status).toBe(401);
  });

  it("expire after 10 minutes", async () => {
    let skewMs = 0;
    const clock = () => new Date(Date.now() + skewMs);
    const later = createIssuerApp(issuerDeps({ now: clock }));
    const laterFetch: typeof fetch = async (input, init) => later.fetch(new Request(input, init));
    const { account } = await createAccount();
    const s = issuerSession({ issuer: ISSUER, fetch: laterFetch, clientAddress: "10.6.7.1" });
    await s.request("/password/change");
    await s.request("/password/change", { form: { action: "code", email: account.email } });
    const code = await codeFromDevMailbox({ issuer: ISSUER, email: account.email, fetch: laterFetch });
    skewMs = 10 * 60_000 + 1000;
    const late = await s.request("/password/change", { form: { action: "verify", code: code ?? "" } });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("This code can no longer be used");
  });

  it("are limited per account too: past 10 wrong codes for one email, guesses from anywhere get 429", async () => {
    const { account } = await createAccount();
    let guesses = 0;
    for (const round of [1, 2]) {
      const { s } = await startReset(account.email, `10.6.8.${round}`);
      for (let i = 0; i < 5; i++, guesses++) {
        const res = await s.request("/password/change", {
          form: { action: "verify", code: "000000" },
          from: `10.6.9.${guesses}`,
        });
        // A wrong guess (a lucky 000000 would be 200: then this test says so).
        expect(res.status).toBe(400);
      }
    }
    const { s } = await startReset(account.email, "10.6.8.3");
    const eleventh = await s.request("/password/change", {
      form: { action: "verify", code: "000000" },
      from: "10.6.9.99",
    });
    expect(eleventh.status).toBe(429);
    expect(await eleventh.text()).toContain("Too many code attempts");
  });

  it("are mailed to one email at most 3 times in 15 minutes, from any address", async () => {
    const { account } = await createAccount();
    for (let i = 0; i < 3; i++) await startReset(account.email, `10.6.10.${i}`);
    const s = session("10.6.10.9");
    await s.request("/password/change");
    const fourth = await s.request("/password/change", { form: { action: "code", email: account.email } });
    expect(fourth.status).toBe(429);
    expect(await fourth.text()).toContain("Too many codes sent");
    const mailbox = (await (await appFetch(`${ISSUER}/dev/mailbox.json?to=${account.email}`)).json()) as {
      messages: unknown[];
    };
    expect(mailbox.messages).toHaveLength(3);
  });
});

describe("registration", () => {
  it("sends a code to the dev mailbox and, once verified, signs the new person in as a customer", async () => {
    const email = newEmail("new");
    const tokens = await registerCustomer({ ...as("10.7.0.1"), email, password: "a-new-password" });
    const actor = await verify(tokens.access);
    expect(actor).toMatchObject({ email, role: "customer", restaurants: [], name: email.split("@")[0] });
    expect(await dynamoAccounts(db, table).byEmail(email)).toMatchObject({ id: actor.id, role: "customer" });
    // The same person signs in later with that password, and is the same account.
    const again = await loginWithPassword({ ...as("10.7.0.2"), email, password: "a-new-password" });
    expect((await verify(again.access)).id).toBe(actor.id);
  });

  it.each([
    ["accents and ligatures", "Zoë Ångström-Łukasiewicz"],
    ["CJK, Arabic and Devanagari", "李小龍 محمد अनुष्का"],
    ["a decomposed é (combining mark)", "Rene\u0301e"],
    ["emoji with skin tone, ZWJ and a subdivision flag", "👩🏽‍🍳 Chef 🏴󠁧󠁢󠁳󠁣󠁴󠁿"],
    ["an astral-plane script", "𐌰𐌻𐌰𐍂𐌹𐌺𐍃"],
  ])("keeps a name with %s exactly, in the account and in the token", async (_, name) => {
    const email = newEmail("named");
    const tokens = await registerCustomer({ ...as("10.7.1.1"), email, password: "a-new-password", name });
    expect((await verify(tokens.access)).name).toBe(name);
    expect((await dynamoAccounts(db, table).byEmail(email))?.name).toBe(name);
    const body = (await (await refresh(tokens.refresh)).json()) as { access_token: string };
    expect((await verify(body.access_token)).name).toBe(name);
  });

  it.each([
    ["a line break", "name=Ada%0ALovelace", "Name: remove control characters"],
    ["an escape sequence", "name=Ada%1B%5B31m", "Name: remove control characters"],
    ["a right-to-left override", "name=Ada%E2%80%AEgpj.exe", "Name: remove the invisible text-direction"],
    ["a noncharacter", "name=Ada%EF%BF%BE", "Name: remove the unassigned noncharacter"],
    [
      "an unpaired surrogate (bytes that are not UTF-8)",
      "name=Ada%ED%A0%80",
      "Name: part of it did not arrive intact",
    ],
  ])("refuses a name with %s, naming the field, and sends no code", async (_, nameField, message) => {
    const email = newEmail("badname");
    const s = session("10.7.2.1");
    const authorized = await authorize({ ...as("10.7.2.1"), email, password: "" }, s, "register");
    await s.request(authorized.next);
    const res = await s.request("/password/register", {
      rawForm: `action=register&email=${encodeURIComponent(email)}&${nameField}&password=a-new-password&repeat=a-new-password`,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(message);
    expect(await codeFromDevMailbox({ issuer: ISSUER, email, fetch: appFetch })).toBeUndefined();
  });

  it("refuses a malformed email and a short password, saying which field", async () => {
    const s = session("10.7.3.1");
    await s.request("/password/register");
    const badEmail = await s.request("/password/register", {
      form: {
        action: "register",
        email: "not-an-email",
        password: "a-new-password",
        repeat: "a-new-password",
      },
    });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.text()).toContain("Email: enter a valid email address.");
    const short = await s.request("/password/register", {
      form: { action: "register", email: newEmail("short"), password: "short", repeat: "short" },
    });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Password: use 8 to 200 characters.");
  });

  it("lists the messages on the dev mailbox page, newest first, for a person to read", async () => {
    const [first, second] = [1, 2].map((n) => newEmail(`reader${n}`));
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
    const email = newEmail("reset");
    const before = await registerCustomer({ ...as("10.8.0.1"), email, password: "first-password" });
    const { s, code } = await startReset(email, "10.8.0.2");
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

  it("answers an email without an account exactly like one with (and mails it nothing)", async () => {
    const { account } = await createAccount();
    const known = await startReset(account.email, "10.8.1.1");
    const unknownEmail = newEmail("nobody");
    const unknown = await startReset(unknownEmail, "10.8.1.2");
    expect(unknown.code).toBeUndefined();
    const guess = (s: typeof known.s) =>
      s.request("/password/change", { form: { action: "verify", code: "000000" } }).then(async (r) => ({
        status: r.status,
        body: await r.text(),
      }));
    const [a, b] = [await guess(known.s), await guess(unknown.s)];
    expect(b.status).toBe(a.status);
    expect(b.body).toBe(a.body);
  });
});

describe("sessions follow the account", () => {
  const refreshed = async (refreshToken: string) => {
    const res = await refresh(refreshToken);
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };

  it("a staff member removed from a restaurant no longer has it after the next refresh", async () => {
    const { account, password } = await createAccount({
      role: "restaurant",
      restaurants: [
        { id: "nonna-rosa", role: "staff" },
        { id: "bombay-tiffin-house", role: "staff" },
      ],
    });
    const tokens = await loginWithPassword({ ...as("10.12.0.1"), email: account.email, password });
    expect((await verify(tokens.access)).restaurants.map((r) => r.id)).toEqual([
      "nonna-rosa",
      "bombay-tiffin-house",
    ]);

    await dynamoAccounts(db, table).save({
      ...account,
      restaurants: [{ id: "bombay-tiffin-house", role: "staff" }],
    });
    const next = await refreshed(tokens.refresh);
    expect(next.status).toBe(200);
    expect((await verify(next.body.access_token ?? "")).restaurants).toEqual([
      { id: "bombay-tiffin-house", role: "staff" },
    ]);

    // And the chain keeps following the account: a role change shows at the refresh after.
    await dynamoAccounts(db, table).save({ ...account, role: "customer", restaurants: [] });
    const after = await refreshed(next.body.refresh_token ?? "");
    expect(await verify(after.body.access_token ?? "")).toMatchObject({ role: "customer", restaurants: [] });
  });

  it("an account that no longer exists, or was disabled, gets invalid_grant", async () => {
    const gone = await createAccount();
    const goneTokens = await loginWithPassword({
      ...as("10.12.1.1"),
      email: gone.account.email,
      password: gone.password,
    });
    await db.send(
      new DeleteCommand({ TableName: table, Key: { pk: `ACCOUNT#${gone.account.email}`, sk: "ACCOUNT" } }),
    );
    expect(await refreshed(goneTokens.refresh)).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });

    const disabled = await createAccount();
    const disabledTokens = await loginWithPassword({
      ...as("10.12.1.2"),
      email: disabled.account.email,
      password: disabled.password,
    });
    await dynamoAccounts(db, table).save({ ...disabled.account, disabled: true });
    expect(await refreshed(disabledTokens.refresh)).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
  });

  it("an operator's auth.revokeSessions ends every session of the account; a new sign-in still works", async () => {
    const { account, password } = await createAccount();
    const phone = await loginWithPassword({ ...as("10.12.2.1"), email: account.email, password });
    const laptop = await loginWithPassword({ ...as("10.12.2.2"), email: account.email, password });
    const bystander = await loginWithPassword({
      ...as("10.12.2.3"),
      email: "agent@tiffin.test",
      password: DEMO_PASSWORD,
    });

    const logger = createLogger("auth-test");
    logger.setLogLevel("SILENT");
    const router = createAuthRouter(
      createAuthService({
        accounts: dynamoAccounts(db, table),
        refreshTokens: openAuthRefreshTokens(storage),
      }),
    );
    const operator = await verify(
      (
        await loginWithPassword({
          ...as("10.12.2.4"),
          email: "operator@tiffin.test",
          password: DEMO_PASSWORD,
        })
      ).access,
    );
    const caller = createCallerFactory(router)({ correlationId: "corr-revoke", logger, actor: operator });
    expect(await caller.revokeSessions({ email: account.email })).toEqual({
      email: account.email,
      revoked: 2,
    });

    expect(await refreshed(phone.refresh)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await refreshed(laptop.refresh)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect((await refreshed(bystander.refresh)).status).toBe(200);
    await loginWithPassword({ ...as("10.12.2.5"), email: account.email, password });
  });
});

describe("pages", () => {
  it("load nothing from elsewhere, declare their language, label every field, and may not be framed", async () => {
    const s = session("10.13.0.1");
    await s.request(`/authorize?${authorizationRequest(redirectUri).query}`);
    for (const path of ["/password/authorize", "/password/register", "/password/change"]) {
      const res = await s.request(path);
      const page = await res.text();
      expect(page).toContain("<title>Tiffin</title>");
      expect(page).toMatch(/<html lang="en"/);
      expect(page).not.toMatch(/@import|(src|href)="https?:/);
      expect(page.match(/<input data-component="input"/g)?.length).toBe(page.match(/<label/g)?.length);
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("content-security-policy")).toContain(`form-action 'self' ${WEB}`);
    }
  });

  it("has no dev mailbox when mail really goes out", async () => {
    const withoutMailbox = createIssuerApp(
      issuerDeps({ mailer: { send: async () => undefined }, mailbox: undefined }),
    );
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
    const out = await invoke(event("/authorize", authorizationRequest(redirectUri).query.toString()));
    expect(out.statusCode).toBe(302);
    expect(out.cookies?.some((c) => c.startsWith("authorization="))).toBe(true);
    expect(out.cookies?.join("\n")).not.toMatch(/secure/i);
  });
});
