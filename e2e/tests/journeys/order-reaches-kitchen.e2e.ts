import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import { accountButton, demo, expect, submitIssuerLogin, test } from "../../fixtures/session";

test("a customer finds a dish, orders it, and the restaurant's dashboard shows the ticket", async ({
  page,
  signedInPage,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /All restaurants/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Search by dish: only the places that serve naan remain.
  const search = page.getByLabel("Search restaurants or dishes");
  await search.fill("naan");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=naan/);
  await expect(page.getByRole("link", { name: /Nonna Rosa/ })).toHaveCount(0);
  // Wait for the filtered list to settle: a click on a card that is being re-rendered can be lost.
  await expect(page.getByRole("status").filter({ hasText: /^1 restaurant$/ })).toBeVisible();
  await page.getByRole("link", { name: /Bombay Tiffin House/ }).click();
  await expect(page).toHaveURL(/\/r\/bombay-tiffin-house/);

  await expect(page.getByRole("heading", { level: 1, name: "Bombay Tiffin House" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Add Butter Chicken to cart" }).click();
  await page.getByRole("button", { name: "Add Garlic Naan to cart" }).click();
  await expect(page.getByRole("link", { name: /Cart 2 items/ })).toBeVisible();

  await page.getByRole("link", { name: /Cart 2 items/ }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  // Server prices: 16.95 + 3.95 = 20.90; delivery 2.99; service fee 5% = 1.05; total 24.94.
  await expect(page.getByText("$24.94").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Ordering needs a customer account: sign in from the checkout, and come back to the same cart.
  await page.getByRole("link", { name: "Sign in to place your order" }).click();
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await submitIssuerLogin(page, demo.customer);
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(accountButton(page)).toBeVisible();
  await expect(page.getByText("$24.94").first()).toBeVisible();

  await page.getByLabel("Full name").fill("Asha Patel");
  await page.getByLabel("Phone number").fill("+1 415 555 0134");
  await page.getByLabel("Delivery address").fill("221 Valencia St, Apt 4, San Francisco");
  await page.getByLabel("Notes for the courier").fill("Ring twice");
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Order placed" })).toBeVisible();
  const shortCode = (await page.getByText(/^[0-9A-F]{6}$/).textContent()) ?? "";
  expect(shortCode).toMatch(/^[0-9A-F]{6}$/);
  await expect(page.getByText("Butter Chicken")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The order crossed the fulfillment queue: the kitchen's screen (its staff signed in) shows it; the
  // dashboard polls, we wait for it.
  const kitchen = await signedInPage(demo.bombayOwner);
  await kitchen.goto("/restaurant?r=bombay-tiffin-house");
  const ticket = kitchen.getByRole("article", { name: `Order ${shortCode}` });
  await expect(ticket).toBeVisible({ timeout: 30_000 });
  await expect(ticket.getByText("Asha Patel")).toBeVisible();
  await expect(ticket.getByText("Garlic Naan")).toBeVisible();
  await expectNoSeriousA11yViolations(kitchen);
});
