import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import fc from "fast-check";
import { createLocalJWKSet, exportJWK, generateKeyPair, type KeyLike, SignJWT } from "jose";
import superjson from "superjson";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiHandler } from "./api-handler";
import {
  type Actor,
  createTokenVerifier,
  SIGN_IN_UNAVAILABLE,
  type TokenVerifier,
  WEB_CLIENT_ID,
} from "./auth";
import { BATCH_TOO_LARGE, MAX_BATCH_CALLS, MUTATION_NOT_ALONE } from "./batching";
import { lambdaContext } from "./lambda-context";
import { customerProcedure, publicProcedure, router } from "./trpc";

/*
 * The API handler every service is deployed as, fed Function URL (payload v2) events exactly as Lambda
 * hands them over: batching limits, garbage in headers and cookies, and a verifier that cannot get keys.
 */

const ISSUER = "http://127.0.0.1:3020";
const customer: Actor = {
  id: "customer-1",
  email: "asha@example.com",
  name: "Asha",
  role: "customer",
  restaurants: [],
};

let placed = 0;
const testRouter = router({
  menu: publicProcedure.query(() => "today's menu"),
  whoami: customerProcedure.query(({ ctx }) => ctx.actor.id),
  place: customerProcedure.input(z.object({ dish: z.string() })).mutation(() => ++placed),
});

let issuerKey: KeyLike;
let verifier: TokenVerifier;
let token: string;

beforeAll(async () => {
  const pair = await generateKeyPair("ES256");
  issuerKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
  verifier = createTokenVerifier({
    issuer: ISSUER,
    audience: WEB_CLIENT_ID,
    keys: createLocalJWKSet({ keys: [jwk] }),
  });
  token = await new SignJWT({ mode: "access", type: "user", properties: customer })
    .setProtectedHeader({ alg: "ES256", kid: "k1", typ: "JWT" })
    .setSubject(customer.id)
    .setAudience(WEB_CLIENT_ID)
    .setIssuer(ISSUER)
    .setExpirationTime("15m")
    .sign(issuerKey);
});

beforeEach(() => {
  placed = 0;
});

const handlerWith = (verifyToken: TokenVerifier) =>
  createApiHandler({ service: "kit-test", router: testRouter, verifyToken });

interface Call {
  method?: "GET" | "POST";
  paths: string[];
  /** Sent as tRPC's batch format (`?batch=1`), as the web app's httpBatchLink does, even for one call. */
  batch?: boolean;
  inputs?: unknown[];
  headers?: Record<string, string>;
  cookies?: string[];
  rawPath?: string;
}

/** A Function URL event for a tRPC call, as Lambda builds it from the HTTP request. */
const functionUrlEvent = (call: Call): APIGatewayProxyEventV2 => {
  const method = call.method ?? "GET";
  const batch = call.batch ?? call.paths.length > 1;
  const inputs = call.inputs ?? [];
  const wire = batch
    ? JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, superjson.serialize(input)])))
    : inputs[0] === undefined
      ? undefined
      : JSON.stringify(superjson.serialize(inputs[0]));
  const query = new URLSearchParams();
  if (batch) query.set("batch", "1");
  if (method === "GET" && wire !== undefined) query.set("input", wire);
  const rawPath = call.rawPath ?? `/${call.paths.join(",")}`;
  const headers: Record<string, string> = {
    host: "abc.lambda-url.us-east-1.on.aws",
    ...(method === "POST" ? { "content-type": "application/json" } : {}),
    ...call.headers,
  };
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString: query.toString(),
    cookies: call.cookies,
    headers,
    queryStringParameters: Object.fromEntries(query),
    requestContext: {
      accountId: "anonymous",
      apiId: "kit-test",
      domainName: headers.host ?? "abc.lambda-url.us-east-1.on.aws",
      domainPrefix: "abc",
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "test" },
      requestId: "request-1",
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: method === "POST" ? wire : undefined,
    isBase64Encoded: false,
  };
};

const Envelope = z.object({
  result: z.object({ data: z.object({ json: z.unknown() }) }).optional(),
  error: z
    .object({ json: z.object({ message: z.string(), data: z.object({ httpStatus: z.number() }) }) })
    .optional(),
});

/** Sends the call through the real handler; returns the status and each call's envelope (one if not batched). */
const send = async (call: Call, verify: TokenVerifier = verifier) => {
  const out = await handlerWith(verify)(functionUrlEvent(call), lambdaContext());
  const body: unknown = JSON.parse(out.body ?? "null");
  const envelopes = z
    .array(Envelope)
    .or(Envelope.transform((e) => [e]))
    .parse(body);
  return { status: out.statusCode ?? 0, envelopes, messages: envelopes.map((e) => e.error?.json.message) };
};

const signedIn = { authorization: "" };
beforeAll(() => {
  signedIn.authorization = `Bearer ${token}`;
});

describe("batching", () => {
  it(`answers a batch of up to ${MAX_BATCH_CALLS} queries`, async () => {
    const res = await send({ paths: Array(MAX_BATCH_CALLS).fill("menu"), batch: true });

    expect(res.status).toBe(200);
    expect(res.envelopes.map((e) => e.result?.data.json)).toEqual(
      Array(MAX_BATCH_CALLS).fill("today's menu"),
    );
  });

  it(`refuses a batch of ${MAX_BATCH_CALLS + 1} queries with one 400 that says the limit`, async () => {
    const res = await send({ paths: Array(MAX_BATCH_CALLS + 1).fill("menu"), batch: true });

    expect(res.status).toBe(400);
    expect(res.messages).toEqual([BATCH_TOO_LARGE]);
    expect(BATCH_TOO_LARGE).toContain(String(MAX_BATCH_CALLS));
  });

  it("counts calls whose commas are percent-encoded in the path", async () => {
    const res = await send({
      paths: [],
      batch: true,
      rawPath: `/${Array(MAX_BATCH_CALLS + 1)
        .fill("menu")
        .join("%2C")}`,
    });

    expect(res.status).toBe(400);
    expect(res.messages).toEqual([BATCH_TOO_LARGE]);
  });

  it("refuses fifty orders in one request and places none", async () => {
    const res = await send({
      method: "POST",
      paths: Array(50).fill("place"),
      inputs: Array.from({ length: 50 }, (_, i) => ({ dish: `dish-${i}` })),
      headers: signedIn,
    });

    expect(res.status).toBe(400);
    expect(res.messages).toEqual([BATCH_TOO_LARGE]);
    expect(placed).toBe(0);
  });

  it("refuses two mutations in one request, even within the batch limit, and runs neither", async () => {
    const res = await send({
      method: "POST",
      paths: ["place", "place"],
      inputs: [{ dish: "naan" }, { dish: "dal" }],
      headers: signedIn,
    });

    expect(res.status).toBe(400);
    expect(res.messages).toEqual([MUTATION_NOT_ALONE, MUTATION_NOT_ALONE]);
    expect(placed).toBe(0);
  });

  it("runs a mutation that is alone in its request, batched format or not", async () => {
    const alone = await send({
      method: "POST",
      paths: ["place"],
      inputs: [{ dish: "naan" }],
      headers: signedIn,
    });
    const batchOfOne = await send({
      method: "POST",
      paths: ["place"],
      batch: true,
      inputs: [{ dish: "dal" }],
      headers: signedIn,
    });

    expect([alone.status, batchOfOne.status]).toEqual([200, 200]);
    expect(placed).toBe(2);
  });
});

describe("garbage in headers, cookies and tokens", () => {
  const MALFORMED = "tiffin_access=%E0%A4%A";

  it("treats a cookie that is not valid percent-encoding as a bad session, not a crash", async () => {
    const pub = await send({ paths: ["menu"], cookies: [MALFORMED] });
    const prot = await send({ paths: ["whoami"], cookies: [MALFORMED] });

    expect(pub.status).toBe(200);
    expect(prot.status).toBe(401);
    expect(prot.messages).toEqual(["Your session is not valid. Sign in again."]);
  });

  it("treats header values the Fetch API cannot carry as not sent", async () => {
    const headers = {
      authorization: "Bearer \u20ac\u0000",
      "x-correlation-id": "\u{1F35B}",
      "x-junk": "\u0100",
    };
    const pub = await send({ paths: ["menu"], headers, cookies: ["tiffin_access=\u20ac"] });
    const prot = await send({ paths: ["whoami"], headers, cookies: ["tiffin_access=\u20ac"] });

    expect(pub.status).toBe(200);
    expect(prot.status).toBe(401);
    expect(prot.messages[0]).toMatch(/Sign in/);
  });

  it("still accepts the real token next to unreadable headers", async () => {
    const res = await send({ paths: ["whoami"], headers: { ...signedIn, "x-junk": "\u20ac" } });

    expect(res.status).toBe(200);
    expect(res.envelopes[0]?.result?.data.json).toBe(customer.id);
  });

  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.string({ unit: "binary-ascii", maxLength: 200 }),
    fc.string({ maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          "%",
          "%E0",
          "%A4",
          "%A",
          "%%",
          "=",
          ";",
          " ",
          ",",
          "\u00e9",
          "\u20ac",
          "\u0000",
          "\n",
        ),
        {
          maxLength: 30,
        },
      )
      .map((parts) => parts.join("")),
  );
  const cookie = fc.oneof(
    anyText,
    anyText.map((v) => `tiffin_access=${v}`),
    anyText.map((v) => `${v}=${v}`),
  );
  const authorization = fc.oneof(
    anyText,
    anyText.map((v) => `Bearer ${v}`),
    anyText.map((v) => `bearer ${v}`),
    // Three dot-separated parts: reaches the JWT parser rather than stopping at the shape check.
    fc.tuple(anyText, anyText, anyText).map((parts) => `Bearer ${parts.join(".")}`),
    fc.constant(null).map(() => `Bearer ${token}x`),
  );
  const request = fc.record({
    cookies: fc.option(fc.array(cookie, { maxLength: 5 }), { nil: undefined }),
    authorization: fc.option(authorization, { nil: undefined }),
    extra: fc.dictionary(fc.string({ maxLength: 20 }), anyText, { maxKeys: 3 }),
  });
  const headersOf = (r: { authorization: string | undefined; extra: Record<string, string> }) => ({
    ...r.extra,
    ...(r.authorization === undefined ? {} : { authorization: r.authorization }),
  });

  it("answers a public procedure 200 whatever the headers and cookies (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const res = await send({ paths: ["menu"], headers: headersOf(r), cookies: r.cookies });
        expect(res.status).toBe(200);
      }),
      { numRuns: 300 },
    );
  });

  it("answers a protected procedure 401 with a reason whatever the headers and cookies (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const res = await send({ paths: ["whoami"], headers: headersOf(r), cookies: r.cookies });
        expect(res.status).toBe(401);
        expect(res.messages[0]).toMatch(/Sign in/);
      }),
      { numRuns: 300 },
    );
  });
});

describe("when the issuer's keys cannot be had", () => {
  let unreachable: TokenVerifier;

  beforeAll(async () => {
    // A port that was just free: nothing answers there, so the JWKS fetch is refused.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    unreachable = createTokenVerifier({ issuer: `http://127.0.0.1:${port}`, audience: WEB_CLIENT_ID });
  });

  it("answers a signed-in call 503 that says to try again, not 401", async () => {
    const res = await send({ paths: ["whoami"], headers: signedIn }, unreachable);

    expect(res.status).toBe(503);
    expect(res.messages).toEqual([SIGN_IN_UNAVAILABLE]);
  });

  it("still answers public procedures, and changes nothing", async () => {
    const pub = await send({ paths: ["menu"], headers: signedIn }, unreachable);
    const place = await send(
      { method: "POST", paths: ["place"], inputs: [{ dish: "naan" }], headers: signedIn },
      unreachable,
    );

    expect(pub.status).toBe(200);
    expect(place.status).toBe(503);
    expect(placed).toBe(0);
  });

  it("still answers a token that is garbage 401: that needs no keys to tell", async () => {
    const res = await send(
      { paths: ["whoami"], headers: { authorization: "Bearer not-a-token" } },
      unreachable,
    );

    expect(res.status).toBe(401);
    expect(res.messages).toEqual(["Your session is not valid. Sign in again."]);
  });
});
