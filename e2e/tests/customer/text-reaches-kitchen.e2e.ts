import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { ticketCodes, trpcQuery } from "../../fixtures/api";
import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import { demo, expect, signInAs, test } from "../../fixtures/session";

/** What people type: emoji, Devanagari, Arabic, a combining mark (not NFC-composed), a ZWJ family. */
const typed = {
  name: "आशा पटेल",
  phone: "+1 415 555 0134",
  address: "٢٢١ شارع فالنسيا، San Francisco",
  notes: "ring twice 🔔 · घंटी दो बार बजाएँ · اتصل بي · Zoe\u0308 · 👨‍👩‍👧‍👦",
};

interface Ticket {
  shortCode: string;
  customerName: string;
  deliveryNotes: string;
}

const ticketsOf = async (kitchen: Page, restaurantId: string): Promise<Ticket[]> => {
  const { status, data } = await trpcQuery(kitchen, "restaurants.tickets", { restaurantId, limit: 100 });
  if (status !== 200) throw new Error(`tickets answered ${status}`);
  return (data as { tickets: Ticket[] }).tickets;
};

/**
 * `orders.place` from the page with a body written as ASCII JSON (every other character a \u escape), so
 * a lone surrogate or a noncharacter reaches the server as sent, not repaired on its way into the browser.
 */
const placeAsSent = async (page: Page, input: unknown): Promise<{ status: number; body: string }> => {
  const body = JSON.stringify({ json: input }).replace(
    /[\u007f-\uffff]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return page.evaluate(async (body) => {
    const res = await fetch("/trpc/orders/place", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    return { status: res.status, body: await res.text() };
  }, body);
};

const toCheckout = async (page: Page) => {
  await page.goto("/r/bombay-tiffin-house");
  await page.getByRole("button", { name: "Add Butter Chicken to cart" }).click();
  await page.getByRole("link", { name: /Cart 1 item/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
};

test("an order typed in any script, with emoji, reaches the kitchen exactly as typed", async ({
  page,
  signedInPage,
}) => {
  const kitchen = await signedInPage(demo.bombayOwner);
  await signInAs(page, demo.customer);
  await toCheckout(page);

  await page.getByLabel("Full name").fill(typed.name);
  await page.getByLabel("Phone number").fill(typed.phone);
  await page.getByLabel("Delivery address").fill(typed.address);
  await page.getByLabel("Notes for the courier").fill(typed.notes);
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Order placed" })).toBeVisible();
  const orderId = page.url().split("/").pop() ?? "";
  const order = await trpcQuery(page, "orders.get", { orderId });
  expect(order.data).toMatchObject({
    customer: { name: typed.name, phone: typed.phone },
    delivery: { address: typed.address, notes: typed.notes },
  });
  const { shortCode } = order.data as { shortCode: string };

  // Across the fulfillment queue: the ticket appears (polled), with every character intact.
  await expect
    .poll(
      async () => (await ticketsOf(kitchen, "bombay-tiffin-house")).find((t) => t.shortCode === shortCode),
      {
        timeout: 30_000,
        message: `ticket ${shortCode} in the kitchen`,
      },
    )
    .toMatchObject({ customerName: typed.name, deliveryNotes: typed.notes });

  await kitchen.goto("/restaurant?r=bombay-tiffin-house");
  const ticket = kitchen.getByRole("article", { name: `Order ${shortCode}` });
  await expect(ticket).toBeVisible({ timeout: 30_000 });
  await expect(ticket.getByText(typed.notes)).toBeVisible();
  await expect(ticket.getByText(typed.name)).toBeVisible();
  await expectNoSeriousA11yViolations(kitchen);
});

test("characters that can't be shown honestly are refused, naming the field, and save nothing", async ({
  page,
  signedInPage,
}) => {
  const kitchen = await signedInPage(demo.bombayOwner);
  const ticketsBefore = await ticketCodes(kitchen, "bombay-tiffin-house");
  await signInAs(page, demo.customer);
  const ordersBefore = await trpcQuery(page, "orders.mine");
  await toCheckout(page);

  // The form refuses a right-to-left override with the server's own words, before sending anything.
  await page.getByLabel("Full name").fill("Asha Patel");
  await page.getByLabel("Phone number").fill(typed.phone);
  await page.getByLabel("Delivery address").fill("221 Valencia St, San Francisco");
  await page.getByLabel("Notes for the courier").fill("ring twice \u202Eecivt 🔔");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(
    page.getByText(/^Delivery notes contains an invisible text-direction control \(U\+202E\)/),
  ).toBeVisible();
  await expect(page.getByLabel("Notes for the courier")).toBeFocused();
  await expect(page).toHaveURL(/\/checkout$/);
  await expectNoSeriousA11yViolations(page);

  // The server refuses them too, whoever sends them: 400, the field named, nothing placed.
  const order = (customer: { name: string; phone: string }, notes: string) => ({
    idempotencyKey: randomUUID(),
    restaurantId: "bombay-tiffin-house",
    lines: [{ itemId: "butter-chicken", quantity: 1 }],
    customer,
    delivery: { address: "221 Valencia St, San Francisco", notes },
  });
  for (const [input, field, message] of [
    [
      order({ name: "Asha\u0007", phone: typed.phone }, ""),
      "customer.name",
      "Your name contains an invisible control character (U+0007)",
    ],
    [
      order({ name: "Asha", phone: typed.phone }, "ring \u2066twice\u2069"),
      "delivery.notes",
      "Delivery notes contains an invisible text-direction control (U+2066)",
    ],
    [
      order({ name: "Asha", phone: typed.phone }, "half an emoji \uD83D"),
      "delivery.notes",
      "Delivery notes contains a broken character",
    ],
    [
      order({ name: "Asha", phone: typed.phone }, "not a character \uFFFF"),
      "delivery.notes",
      "Delivery notes contains U+FFFF",
    ],
  ] as const) {
    const res = await placeAsSent(page, input);
    expect(res.status, res.body).toBe(400);
    expect(res.body).toContain(message);
    expect(JSON.parse(res.body).error.json.data.fieldErrors).toHaveProperty([field]);
  }

  expect(await ticketCodes(kitchen, "bombay-tiffin-house")).toEqual(ticketsBefore);
  expect((await trpcQuery(page, "orders.mine")).data).toEqual(ordersBefore.data);
});
