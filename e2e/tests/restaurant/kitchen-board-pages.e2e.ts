import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { registerCustomer } from "@tiffin/auth/testing";
import { ticketCodes } from "../../fixtures/api";
import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import { demo, expect, issuerOrigin, test, uniqueEmail } from "../../fixtures/session";

/** The board's page size (TICKETS_PAGE in packages/restaurants/src/domain/ticket-page.ts). */
const PAGE = 20;
const PASSWORD = "a-long-enough-passphrase-42";

/**
 * A brand-new customer's access token, registered on the real issuer (code from the dev mailbox) by the
 * same programmatic flow the system tests use: the rush is test data, the board is what this test is about.
 */
const newCustomerToken = async (baseURL: string) =>
  (
    await registerCustomer({
      issuer: issuerOrigin,
      email: uniqueEmail("kitchen-rush"),
      password: PASSWORD,
      redirectUri: `${baseURL}/auth/callback`,
    })
  ).access;

const order = (n: number) => ({
  idempotencyKey: randomUUID(),
  restaurantId: "bombay-tiffin-house",
  lines: [{ itemId: "butter-chicken", quantity: 1 }],
  customer: { name: `Rush Customer ${n}`, phone: "+1 415 555 0150" },
  delivery: { address: "1 Rush Hour Ln, San Francisco", notes: "" },
  // The simulated provider's test card that is always authorized.
  payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
});

/**
 * `count` orders for Bombay Tiffin House, oldest first, from new customers: orders.place limits how many
 * one customer may place in a while, so a customer who is refused (429) hands over to the next one.
 */
const placeOrders = async (request: APIRequestContext, baseURL: string, count: number) => {
  const codes: string[] = [];
  while (codes.length < count) {
    const token = await newCustomerToken(baseURL);
    while (codes.length < count) {
      const res = await request.post("/trpc/orders/place", {
        headers: { authorization: `Bearer ${token}` },
        data: { json: order(codes.length) },
      });
      if (res.status() === 429) break;
      expect(res.status(), await res.text()).toBe(200);
      const body = (await res.json()) as { result: { data: { json: { shortCode: string } } } };
      codes.push(body.result.data.json.shortCode);
    }
  }
  return codes;
};

test("a rush of orders cannot hide the newest: the board shows the newest page, older tickets on request", async ({
  request,
  baseURL,
  signedInPage,
}) => {
  test.setTimeout(240_000);
  if (!baseURL) throw new Error("baseURL is not set");
  const codes = await placeOrders(request, baseURL, PAGE + 2);
  const oldest = codes[0] ?? "";
  const newest = codes.at(-1) ?? "";

  const kitchen = await signedInPage(demo.bombayOwner);
  // Every order crossed the fulfillment queue before the board is judged (they may arrive out of order).
  await expect
    .poll(
      async () => {
        const arrived = new Set(await ticketCodes(kitchen, "bombay-tiffin-house"));
        return codes.filter((c) => !arrived.has(c));
      },
      { timeout: 30_000 },
    )
    .toEqual([]);
  await kitchen.goto("/restaurant?r=bombay-tiffin-house");
  await expect(kitchen.getByRole("heading", { level: 1, name: "Bombay Tiffin House" })).toBeVisible();

  // The newest order leads the board; the oldest of the rush is past the first page.
  const tickets = kitchen.getByRole("article");
  await expect(tickets.first()).toHaveAccessibleName(`Order ${newest}`);
  await expect(tickets).toHaveCount(PAGE);
  await expect(kitchen.getByText(`The newest ${PAGE} orders, newest first`)).toBeVisible();
  await expect(kitchen.getByRole("article", { name: `Order ${oldest}` })).toHaveCount(0);
  await expectNoSeriousA11yViolations(kitchen);

  // Older tickets come when asked for, below the ones already shown.
  await kitchen.getByRole("button", { name: "Show older tickets" }).click();
  await expect(kitchen.getByRole("article", { name: `Order ${oldest}` })).toBeVisible();
  await expect(tickets.first()).toHaveAccessibleName(`Order ${newest}`);
  expect(await tickets.count()).toBeGreaterThan(PAGE);
  await expectNoSeriousA11yViolations(kitchen);
});
