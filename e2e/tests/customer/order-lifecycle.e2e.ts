import type { Page } from "@playwright/test";
import { trpcMutation, trpcQuery } from "../../fixtures/api";
import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import { demo, expect, registerAs, test, uniqueEmail } from "../../fixtures/session";

/*
 * An order's life as its customer sees it, with the restaurant's staff in another browser: cancel before
 * the kitchen answers, a declined card that keeps the cart, and the order page moving along as staff
 * accept, mark ready or reject (staff act through the API their dashboard uses). Each test registers a new
 * customer: orders.place limits how many orders one account places in a while.
 */
const RESTAURANT = "bombay-tiffin-house";
const PASSWORD = "a-long-enough-passphrase-42";

const newCustomer = async (page: Page, request: Parameters<typeof registerAs>[1], label: string) =>
  registerAs(page, request, { email: uniqueEmail(label), name: "Lifecycle Tester", password: PASSWORD });

/** Chana Masala (no options) is enough for the minimum order; checkout with the details filled in. */
const toCheckout = async (page: Page) => {
  await page.goto(`/r/${RESTAURANT}`);
  await page.getByRole("button", { name: "Add Chana Masala to cart" }).click();
  await page.getByRole("link", { name: /Cart 1 item/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await page.getByLabel("Phone number").fill("+1 415 555 0188");
  await page.getByLabel("Delivery address").fill("2901 Mission St, San Francisco");
};

/** Places the order from checkout (the test card that is always authorized is filled in locally). */
const placeFromCheckout = async (page: Page): Promise<string> => {
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Order placed" })).toBeVisible();
  return page.url().split("/").pop() ?? "";
};

/** Staff's view of the ticket, through the API the dashboard uses. */
const ticketStatus = async (kitchen: Page, orderId: string): Promise<string | undefined> => {
  const { status, data } = await trpcQuery(kitchen, "restaurants.tickets", {
    restaurantId: RESTAURANT,
    limit: 50,
  });
  if (status !== 200) throw new Error(`tickets answered ${status}`);
  return (data as { tickets: { orderId: string; status: string }[] }).tickets.find(
    (t) => t.orderId === orderId,
  )?.status;
};

const staffDoes = async (kitchen: Page, path: string, input: Record<string, unknown>) => {
  const res = await trpcMutation(kitchen, path, { restaurantId: RESTAURANT, ...input });
  expect(res.status, res.body).toBe(200);
};

test("a customer cancels before the kitchen answers: the ticket is withdrawn and nothing is charged", async ({
  page,
  request,
  signedInPage,
}) => {
  await newCustomer(page, request, "cancel-early");
  await toCheckout(page);
  const orderId = await placeFromCheckout(page);
  await expect(page.getByText(/Visa ending 4242 · \$[\d.]+ authorized/)).toBeVisible();

  await page.getByRole("button", { name: "Cancel order" }).click();
  await expect(page.getByText("Cancel this order? You can until the restaurant accepts it.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cancelling…" })).toBeVisible();

  // Across the topic and back: the kitchen withdraws the ticket, the page (polling) says so.
  await expect(page.getByRole("heading", { level: 1, name: "Order cancelled" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/^Cancelled\. The restaurant hadn't started/)).toBeVisible();
  await expect(page.getByText("Visa ending 4242 · authorization voided: you were not charged")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const kitchen = await signedInPage(demo.bombayOwner);
  await expect.poll(() => ticketStatus(kitchen, orderId)).toBe("withdrawn");
  // The kitchen can no longer accept it, and says why.
  const late = await trpcMutation(kitchen, "restaurants.acceptTicket", {
    restaurantId: RESTAURANT,
    orderId,
    prepMinutes: 15,
  });
  expect(late.status).toBe(409);
});

test("a declined card places nothing and keeps the cart; another card then places the order", async ({
  page,
  request,
}) => {
  await newCustomer(page, request, "declined");
  await toCheckout(page);
  // Local mode lists the simulated provider's test cards.
  await page.getByRole("button", { name: "Use test card 4000 0000 0000 0002 (Declined)" }).click();
  await expect(page.getByLabel("Card number")).toHaveValue("4000 0000 0000 0002");
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByText("Your card was declined", { exact: true })).toBeVisible();
  await expect(
    page.getByText(/Your card was declined\. Nothing was charged and your cart is still here/),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole("link", { name: /Cart 1 item/ })).toBeVisible();
  await expect(page.getByLabel("Delivery address")).toHaveValue("2901 Mission St, San Francisco");
  await expect(page.getByLabel("Card number")).toBeFocused();
  expect((await trpcQuery(page, "orders.mine")).data).toEqual([]);
  await expectNoSeriousA11yViolations(page);

  // A card number with a typo is caught before anything is sent, with the server's own words.
  await page.getByLabel("Card number").fill("4242 4242 4242 4241");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText("That card number isn't valid: check it for a typo.")).toBeVisible();

  await page.getByRole("button", { name: "Use test card 4242 4242 4242 4242 (Succeeds)" }).click();
  await placeFromCheckout(page);
  await expect(page.getByText(/Visa ending 4242/)).toBeVisible();
  expect((await trpcQuery(page, "orders.mine")).data).toHaveLength(1);
});

test("the order page moves along as the kitchen accepts and marks it ready", async ({
  page,
  request,
  signedInPage,
}) => {
  await newCustomer(page, request, "accepted");
  await toCheckout(page);
  const orderId = await placeFromCheckout(page);
  const kitchen = await signedInPage(demo.bombayOwner);
  await expect.poll(() => ticketStatus(kitchen, orderId)).toBe("new");

  await staffDoes(kitchen, "restaurants.acceptTicket", { orderId, prepMinutes: 20 });
  // The customer's page polls: the step, the estimate from the prep time, and no more cancel button.
  await expect(page.getByRole("heading", { level: 1, name: "Being prepared" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText("Ready by")).toBeVisible();
  await expect(page.getByText(/about 20 minutes to prepare/)).toBeVisible();
  await expect(page.getByText("Expected at your door")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  await expect(
    page.getByRole("list", { name: "Order progress" }).getByText("Accepted (current)"),
  ).toBeAttached();
  await expectNoSeriousA11yViolations(page);

  // Cancelling now is refused with the reason (the page no longer offers it; the API says why).
  const late = await trpcMutation(page, "orders.cancel", { orderId });
  expect(late.status).toBe(409);
  expect(late.body).toContain("Too late to cancel");

  await staffDoes(kitchen, "restaurants.markTicketReady", { orderId });
  await expect(page.getByRole("heading", { level: 1, name: "Ready for pick-up" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText("Ready since")).toBeVisible();
  await expect(page.getByText(/Visa ending 4242 · \$[\d.]+ captured \(charged\)/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a rejected order says why and releases the hold", async ({ page, request, signedInPage }) => {
  await newCustomer(page, request, "rejected");
  await toCheckout(page);
  const orderId = await placeFromCheckout(page);
  const kitchen = await signedInPage(demo.bombayOwner);
  await expect.poll(() => ticketStatus(kitchen, orderId)).toBe("new");

  await staffDoes(kitchen, "restaurants.rejectTicket", {
    orderId,
    reason: "other",
    note: "Our tandoor is being repaired 🔧",
  });

  await expect(page.getByRole("heading", { level: 1, name: "Order rejected" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    page.getByText("Bombay Tiffin House said: “Our tandoor is being repaired 🔧”", { exact: false }),
  ).toBeVisible();
  await expect(page.getByText("Visa ending 4242 · authorization voided: you were not charged")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("order history: 'Order again' fills the cart with today's prices and says so", async ({
  page,
  request,
}) => {
  await newCustomer(page, request, "reorder");
  await toCheckout(page);
  await placeFromCheckout(page);

  await page.goto("/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  await page.getByRole("button", { name: /^Order again from Bombay Tiffin House/ }).click();
  await expect(page.getByText(/^1 item from order [0-9A-F]{6} is in your cart$/)).toBeVisible();
  await expect(
    page.getByText("Same dishes, same prices as last time, from Bombay Tiffin House."),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: /Cart 1 item/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Go to checkout" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await expect(page.getByText("Chana Masala").first()).toBeVisible();
});
