import { randomUUID } from "node:crypto";
import { generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { accessTokenOf, apiBase } from "./system";
import { callProcedure } from "./trpc-http";

/** Bad tokens against the running services: each gets a 401 that says why, and changes nothing. */

let real = "";
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

const placeInput = () => ({
  idempotencyKey: randomUUID(),
  restaurantId: "nonna-rosa",
  lines: [{ itemId: "margherita", quantity: 1 }],
  customer: { name: "Token Test", phone: "+1 415 555 0100" },
  delivery: { address: "88 Columbus Ave, San Francisco", notes: "" },
  // The simulated provider's test card that is always authorized.
  payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
});
const myOrderCount = async () => {
  const res = await callProcedure({ apiBase, path: "orders.mine", kind: "query", token: real });
  return (res.body as { result: { data: { json: unknown[] } } }).result.data.json.length;
};

beforeAll(async () => {
  real = await accessTokenOf("customer@tiffin.test");
}, 60_000);

describe("tokens at the services", () => {
  it("accepts the issuer's token, as a Bearer header or as the web app's cookie", async () => {
    const bearer = await callProcedure({ apiBase, path: "auth.me", kind: "query", token: real });
    expect(bearer.status).toBe(200);
    expect(JSON.stringify(bearer.body)).toContain("customer@tiffin.test");
    const cookie = await callProcedure({
      apiBase,
      path: "orders.mine",
      kind: "query",
      headers: { cookie: `tiffin_access=${real}` },
    });
    expect(cookie.status).toBe(200);
  });

  const forgeries: [string, () => Promise<string>][] = [
    [
      "signed by someone else's key",
      async () => {
        const { privateKey } = await generateKeyPair("ES256");
        const { exp: _exp, iat: _iat, ...claims } = claimsOf(real);
        return new SignJWT(claims)
          .setProtectedHeader({ alg: "ES256", kid: "forged" })
          .setExpirationTime("15m")
          .sign(privateKey);
      },
    ],
    ["with alg: none", async () => `${b64url({ alg: "none", typ: "JWT" })}.${b64url(claimsOf(real))}.`],
    [
      "with its claims edited (role and restaurants) but the original signature",
      async () => {
        const [header, , signature] = real.split(".");
        const claims = claimsOf(real);
        const edited = {
          ...claims,
          properties: {
            ...claims.properties,
            role: "restaurant",
            restaurants: [{ id: "bombay-tiffin-house", role: "owner" }],
          },
        };
        return `${header}.${b64url(edited)}.${signature}`;
      },
    ],
    ["that is not a JWT at all", async () => "definitely-not-a-token"],
  ];

  it.each(forgeries)("refuses a token %s with 401 and places nothing", async (_case, forge) => {
    const before = await myOrderCount();
    const bad = await forge();
    const res = await callProcedure({
      apiBase,
      path: "orders.place",
      kind: "mutation",
      input: placeInput(),
      token: bad,
    });
    expect(res.status).toBe(401);
    expect(res.message).toMatch(/session .*(not valid|expired).*Sign in again/);
    const tickets = await callProcedure({
      apiBase,
      path: "restaurants.tickets",
      kind: "query",
      input: { restaurantId: "bombay-tiffin-house" },
      token: bad,
    });
    expect(tickets.status).toBe(401);
    expect(await myOrderCount()).toBe(before);
  });

  it("still serves public procedures to a caller with a bad token, as anonymous", async () => {
    const res = await callProcedure({
      apiBase,
      path: "restaurants.list",
      kind: "query",
      input: {},
      token: "definitely-not-a-token",
    });
    expect(res.status).toBe(200);
  });
});
