import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { registerCustomer } from "@tiffin/auth/testing";
import { trpcMutation, trpcQuery } from "../../fixtures/api";
import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import { demo, expect, issuerOrigin, registerAs, test, uniqueEmail } from "../../fixtures/session";

/*
 * The kitchen runs the order, in two browsers: a customer orders, staff answer on their dashboard (accept
 * with a prep time, mark ready; reject with a reason; or nobody answers and the timer rejects it), and the
 * customer's order follows (asserted through the orders API the order page polls). The e2e stack runs with
 * TICKET_ANSWER_MINUTES=1 (e2e/playwright.config.ts), so a ticket nobody answers is rejected after a minute.
 */
const RESTAURANT = "bombay-tiffin-house";
const PASSWORD = "a-long-enough-passphrase-42";
const CARD = { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" };

/** A brand-new customer (orders.place limits how many orders one account places in a while). */
const newCustomerToken = async (baseURL: string, label: string) =>
  (
    await registerCustomer({
      issuer: issuerOrigin,
      email: uniqueEmail(label),
      password: PASSWORD,
      redirectUri: `${baseURL}/auth/callback`,
    })
  ).access;

/** Places one order through the API as that customer; returns its id and short code. */
const placeOrder = async (request: APIRequestContext, token: string, name: string) => {
  const res = await request.post("/trpc/orders/place", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      json: {
        idempotencyKey: randomUUID(),
        restaurantId: RESTAURANT,
        lines: [{ itemId: "chana-masala", quantity: 1 }],
        customer: { name, phone: "+1 415 555 0177" },
        delivery: { address: "2901 Mission St, San Francisco", notes: "Leave at the door" },
        payment: CARD,
      },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  const { id, shortCode } = (await res.json()).result.data.json as { id: string; shortCode: string };
  return { orderId: id, shortCode };
};

/** The order's status as the orders service has it (what the customer's order page shows). */
const orderStatus = async (request: APIRequestContext, token: string, orderId: string) => {
  const input = encodeURIComponent(JSON.stringify({ json: { orderId } }));
  const res = await request.get(`/trpc/orders/get?input=${input}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status() !== 200) return `HTTP ${res.status()}`;
  return ((await res.json()).result.data.json as { status: string }).status;
};

const openBoard = async (kitchen: Page) => {
  await kitchen.goto(`/restaurant?r=${RESTAURANT}`);
  await expect(kitchen.getByRole("heading", { level: 1, name: "Bombay Tiffin House" })).toBeVisible();
};

const section = (kitchen: Page, name: RegExp) =>
  kitchen.getByRole("tablist", { name: "Orders by status" }).getByRole("tab", { name });

test("staff accept with a prep time and mark the order ready; the customer's order follows each step", async ({
  page,
  request,
  signedInPage,
}) => {
  test.setTimeout(120_000);
  // The customer orders through the site, in one browser.
  await registerAs(page, request, {
    email: uniqueEmail("kitchen-accept"),
    name: "Kitchen Tester",
    password: PASSWORD,
  });
  await page.goto(`/r/${RESTAURANT}`);
  await page.getByRole("button", { name: "Add Chana Masala to cart" }).click();
  await page.getByRole("link", { name: /Cart 1 item/ }).click();
  await page.getByLabel("Phone number").fill("+1 415 555 0188");
  await page.getByLabel("Delivery address").fill("2901 Mission St, San Francisco");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderId = page.url().split("/").pop() ?? "";
  const shortCode = orderId.replace(/-/g, "").slice(0, 6).toUpperCase();
  const customerStatus = async () => {
    const { data } = await trpcQuery(page, "orders.get", { orderId });
    return (data as { status?: string } | undefined)?.status;
  };

  // The kitchen, in another browser: the order arrives under New, with the time left to answer it.
  const kitchen = await signedInPage(demo.bombayOwner);
  await openBoard(kitchen);
  const ticket = kitchen.getByRole("article", { name: `Order ${shortCode}` });
  await expect(ticket).toBeVisible({ timeout: 30_000 });
  await expect(ticket.getByText("Chana Masala")).toBeVisible();
  await expect(ticket.getByText(/^Answer by \d\d:\d\d/)).toBeVisible();
  await expectNoSeriousA11yViolations(kitchen);

  // Accept: a prep time out of range is refused in place; 20 minutes is one tap.
  await ticket.getByRole("button", { name: "Accept" }).click();
  const accept = kitchen.getByRole("dialog", { name: `Accept order ${shortCode}` });
  await expect(accept).toBeVisible();
  await accept.getByLabel("Or type the minutes").fill("95");
  await accept.getByLabel("Or type the minutes").blur();
  await expect(accept.getByText("Choose from 5 to 90 minutes.")).toBeVisible();
  await expectNoSeriousA11yViolations(kitchen);
  await accept.getByRole("button", { name: "20 min" }).click();
  await accept.getByRole("button", { name: /^Accept, ready by \d\d:\d\d$/ }).click();
  await expect(accept).toBeHidden();

  // It moves to Preparing with its ready-by time; the customer's order is accepted.
  await section(kitchen, /^Preparing/).click();
  const preparing = kitchen.getByRole("article", { name: `Order ${shortCode}` });
  await expect(preparing.getByText(/^Ready by \d\d:\d\d .* 20 min prep$/)).toBeVisible();
  await expect.poll(customerStatus, { timeout: 30_000 }).toBe("accepted");
  await expectNoSeriousA11yViolations(kitchen);

  // A second accept (another screen, a double tap) is refused with the reason.
  const again = await trpcMutation(kitchen, "restaurants.acceptTicket", {
    restaurantId: RESTAURANT,
    orderId,
    prepMinutes: 10,
  });
  expect(again.status).toBe(409);
  expect(again.body).toContain(`Order ${shortCode} was already accepted`);

  // Mark ready: it moves to Ready; the customer's order is ready.
  await preparing.getByRole("button", { name: "Mark ready" }).click();
  await section(kitchen, /^Ready/).click();
  await expect(
    kitchen.getByRole("article", { name: `Order ${shortCode}` }).getByText(/^Ready since \d\d:\d\d/),
  ).toBeVisible();
  await expect.poll(customerStatus, { timeout: 30_000 }).toBe("ready");
  await expectNoSeriousA11yViolations(kitchen);
});

test("staff reject with a reason; Other needs a note; the customer's order is rejected", async ({
  request,
  baseURL,
  signedInPage,
}) => {
  if (!baseURL) throw new Error("baseURL is not set");
  const token = await newCustomerToken(baseURL, "kitchen-reject");
  const { orderId, shortCode } = await placeOrder(request, token, "Reject Tester");

  const kitchen = await signedInPage(demo.bombayOwner);
  await openBoard(kitchen);
  const ticket = kitchen.getByRole("article", { name: `Order ${shortCode}` });
  await expect(ticket).toBeVisible({ timeout: 30_000 });

  await ticket.getByRole("button", { name: "Reject" }).click();
  const reject = kitchen.getByRole("alertdialog", { name: `Reject order ${shortCode}?` });
  await reject.getByRole("radio", { name: "Other (tell the customer why)" }).check();
  await reject.getByRole("button", { name: "Reject order" }).click();
  await expect(reject.getByText("Tell the customer why: a note is needed for Other.")).toBeVisible();
  await expectNoSeriousA11yViolations(kitchen);
  await reject.getByLabel(/^Note for the customer/).fill("Our tandoor is being repaired 🔧");
  await reject.getByRole("button", { name: "Reject order" }).click();
  await expect(reject).toBeHidden();

  await section(kitchen, /^Done today/).click();
  await expect(
    kitchen
      .getByRole("article", { name: `Order ${shortCode}` })
      .getByText('Rejected: Other. "Our tandoor is being repaired 🔧"'),
  ).toBeVisible();
  await expect.poll(() => orderStatus(request, token, orderId), { timeout: 30_000 }).toBe("rejected");

  // Marking a rejected order ready is refused, and says why.
  const ready = await trpcMutation(kitchen, "restaurants.markTicketReady", {
    restaurantId: RESTAURANT,
    orderId,
  });
  expect(ready.status).toBe(409);
  expect(ready.body).toContain("was already rejected");
  await expectNoSeriousA11yViolations(kitchen);
});

test("an order nobody answers is rejected automatically, and the customer is told", async ({
  request,
  baseURL,
  signedInPage,
}) => {
  // TICKET_ANSWER_MINUTES=1 in the e2e stack; the timer runs every 2 s.
  test.setTimeout(180_000);
  if (!baseURL) throw new Error("baseURL is not set");
  const token = await newCustomerToken(baseURL, "kitchen-timeout");
  const { orderId, shortCode } = await placeOrder(request, token, "Timeout Tester");

  const kitchen = await signedInPage(demo.bombayOwner);
  await openBoard(kitchen);
  await expect(kitchen.getByRole("article", { name: `Order ${shortCode}` })).toBeVisible({ timeout: 30_000 });

  await expect
    .poll(() => orderStatus(request, token, orderId), { timeout: 120_000, intervals: [2_000] })
    .toBe("rejected");
  await section(kitchen, /^Done today/).click();
  await expect(
    kitchen
      .getByRole("article", { name: `Order ${shortCode}` })
      .getByText("Rejected: Not answered in time (automatic)."),
  ).toBeVisible({ timeout: 15_000 });
  // Too late to accept now: the board says why.
  const late = await trpcMutation(kitchen, "restaurants.acceptTicket", {
    restaurantId: RESTAURANT,
    orderId,
    prepMinutes: 15,
  });
  expect(late.status).toBe(409);
  expect(late.body).toContain("was rejected automatically because nobody answered it in 1 minute");
});

test("staff pause the store with a message, mark it busy, set opening hours and read their sales", async ({
  signedInPage,
}) => {
  test.setTimeout(120_000);
  // Nonna Rosa's owner: other tests order from Bombay, and a store left paused would refuse them.
  const kitchen = await signedInPage(demo.nonnaOwner);
  await kitchen.goto("/restaurant?r=nonna-rosa");
  await expect(kitchen.getByRole("heading", { level: 1, name: "Nonna Rosa Pizzeria" })).toBeVisible();
  await expect(kitchen.getByText("Open: taking orders")).toBeVisible();

  await kitchen.getByRole("tab", { name: "Store & hours" }).click();
  const status = kitchen.getByRole("region", { name: "Store status" });
  await status.getByLabel(/^Message for customers/).fill("Back in half an hour 🍕");
  await status.getByRole("button", { name: "Pause 30 min" }).click();
  await expect(status.getByText(/^Paused until \d\d:\d\d: not taking orders$/)).toBeVisible();
  await expect(status.getByText('Customers see: "Back in half an hour 🍕"')).toBeVisible();
  const bySlug = async () =>
    (
      (await trpcQuery(kitchen, "restaurants.bySlug", { slug: "nonna-rosa" })).data as {
        availability: { status: string; message: string };
      }
    ).availability;
  expect(await bySlug()).toMatchObject({ status: "paused", message: "Back in half an hour 🍕" });
  await expectNoSeriousA11yViolations(kitchen);

  await status.getByRole("button", { name: "+20 min" }).click();
  await status.getByRole("button", { name: "Mark busy (+20 min)" }).click();
  await expect(status.getByText("Busy: taking orders, +20 min on every estimate")).toBeVisible();
  await status.getByRole("button", { name: "Resume: take orders normally" }).click();
  await expect(status.getByText("Open: taking orders")).toBeVisible();
  expect((await bySlug()).status).toBe("open");

  // Opening hours: Sunday 11:00-22:00, saved and shown to customers, then back to around the clock.
  const hours = kitchen.getByRole("region", { name: "Opening hours" });
  const sunday = hours.getByRole("group", { name: "Sunday" });
  await sunday.getByRole("radio", { name: "Set hours" }).check();
  await hours.getByLabel("Sunday opens").fill("11:00");
  await hours.getByLabel("Sunday closes").fill("22:00");
  await hours.getByRole("button", { name: "Save opening hours" }).click();
  await expect(hours.getByText("Opening hours saved")).toBeVisible();
  const hoursText = async () =>
    ((await trpcQuery(kitchen, "restaurants.bySlug", { slug: "nonna-rosa" })).data as { hours: string })
      .hours;
  await expect.poll(hoursText).toBe("Mon–Sat open 24 hours; Sun 11:00–22:00");
  await expectNoSeriousA11yViolations(kitchen);
  await hours.getByRole("group", { name: "Sunday" }).getByRole("radio", { name: "Open 24 hours" }).check();
  await hours.getByRole("button", { name: "Save opening hours" }).click();
  await expect.poll(hoursText).toBe("Open 24 hours, every day");

  await kitchen.getByRole("tab", { name: "Sales" }).click();
  await expect(kitchen.getByRole("region", { name: "Today" }).getByText("Rejection rate")).toBeVisible();
  await expect(kitchen.getByRole("region", { name: "Last 7 days" }).getByText("Top dishes")).toBeVisible();
  await expectNoSeriousA11yViolations(kitchen);
});
