import { ticketCodes, trpcMutation, trpcQuery } from "../../fixtures/api";
import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import { demo, expect, signInAs, test } from "../../fixtures/session";

test("a sold-out dish is shown but cannot be added", async ({ page }) => {
  await page.goto("/r/bombay-tiffin-house");
  const kulfi = page.getByRole("heading", { name: "Mango Kulfi" }).locator("xpath=ancestor::li[1]");
  await expect(kulfi.getByText("Sold out")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add Mango Kulfi to cart" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add Gulab Jamun to cart" })).toBeEnabled();
});

test("a closed restaurant shows its menu but takes no orders, and says why", async ({ page }) => {
  await page.goto("/r/le-petit-four");
  await expect(page.getByText("Le Petit Four is closed right now")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add Butter Croissant to cart" })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
});

test("below the minimum order, checkout is blocked with the amount still missing", async ({ page }) => {
  await page.goto("/r/sakura-ramen-bar");
  await page.getByRole("button", { name: "Add Edamame to cart" }).click();
  // Minimum $15.00, edamame $5.95: $9.05 to go.
  await expect(page.getByText(/Add \$9\.05 more/).first()).toBeAttached();
});

test("checkout with missing details shows what to fix and places nothing", async ({ page, signedInPage }) => {
  // Nothing placed = no new kitchen ticket (read by the restaurant's staff) and no new order for the customer.
  const kitchen = await signedInPage(demo.nonnaStaff);
  const before = await ticketCodes(kitchen, "nonna-rosa");
  await signInAs(page, demo.customer);
  const ordersBefore = await trpcQuery(page, "orders.mine");

  await page.goto("/r/nonna-rosa");
  await page.getByRole("button", { name: "Add Margherita to cart" }).click();
  await page.getByRole("link", { name: /Cart 1 item/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();

  await page.getByLabel("Full name").fill("Diego");
  await page.getByLabel("Phone number").fill("+1 415 555 0199");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText("Delivery address is required.")).toBeVisible();
  await expect(page.getByLabel("Delivery address")).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  // The server's own check (the form runs the same definition): a phone number nobody can call is
  // refused with its message, nothing is placed.
  await page.getByLabel("Delivery address").fill("2901 Mission St, San Francisco");
  await page.getByLabel("Phone number").fill("call me");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/Enter a phone number the courier can call/)).toBeVisible();
  await expect(page).toHaveURL(/\/checkout$/);
  expect(await ticketCodes(kitchen, "nonna-rosa")).toEqual(before);
  expect((await trpcQuery(page, "orders.mine")).data).toEqual(ordersBefore.data);
});

test("unknown restaurants and orders get a friendly page, not an error", async ({ page }) => {
  await page.goto("/r/no-such-restaurant");
  await expect(page.getByText("We couldn't find that restaurant")).toBeVisible();
  // Orders are a customer's own: look them up signed in as one.
  await signInAs(page, demo.customer);
  await page.goto("/orders/not-an-order-id");
  await expect(page.getByText("We couldn't find that order")).toBeVisible();
  await page.goto("/orders/00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("We couldn't find that order")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the API refuses a client-sent price with a 400 that says why", async ({ page }) => {
  const order = {
    idempotencyKey: "7d9f1c2a-0b1e-4c3d-9e8f-112233445566",
    restaurantId: "nonna-rosa",
    lines: [{ itemId: "margherita", quantity: 1, priceCents: 1 }],
    customer: { name: "Eve", phone: "+1 415 555 0111" },
    delivery: { address: "88 Columbus Ave", notes: "" },
  };
  // Signed out, the API doesn't even look at the order.
  await page.goto("/");
  expect((await trpcMutation(page, "orders.place", order)).status).toBe(401);

  await signInAs(page, demo.customer);
  const res = await trpcMutation(page, "orders.place", order);
  expect(res.status).toBe(400);
  expect(res.body).toContain("Prices and totals are computed by Tiffin");
});
