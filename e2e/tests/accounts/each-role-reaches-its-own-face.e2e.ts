import type { Page } from "@playwright/test";
import { trpcQuery } from "../../fixtures/api";
import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import {
  accountButton,
  DEMO_PASSWORD,
  demo,
  expect,
  headerSignIn,
  signInAs,
  submitIssuerLogin,
  test,
} from "../../fixtures/session";

/** Puts one dish in the cart (from the public menu) so /checkout has something to gate. */
const addMargherita = async (page: Page) => {
  await page.goto("/r/nonna-rosa");
  await page.getByRole("button", { name: "Add Margherita to cart" }).click();
  await expect(page.getByRole("link", { name: /Cart 1 item/ })).toBeVisible();
};

/** The header's account menu, opened: who is signed in and the links their role gets. */
const openAccountMenu = async (page: Page) => {
  await accountButton(page).click();
  return page.getByRole("button", { name: "Sign out" });
};

test("the sign-in page explains itself and lists the demo accounts in local mode", async ({ page }) => {
  await page.goto("/signin?next=/checkout");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Tiffin" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in", exact: true })).toHaveAttribute(
    "href",
    "/auth/login?next=%2Fcheckout",
  );
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute(
    "href",
    "/auth/register?next=%2Fcheckout",
  );
  const demoAccounts = page.getByRole("region", { name: "Demo accounts" });
  await expect(demoAccounts.getByText(DEMO_PASSWORD)).toBeVisible();
  for (const email of Object.values(demo)) await expect(demoAccounts.getByText(email)).toBeVisible();
  await expect(headerSignIn(page)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The issuer's login page is served (and post-processed) by our auth service: held to the same bar.
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page.locator('input[name="email"]')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a wrong password keeps you on the issuer's form and signs nobody in", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await submitIssuerLogin(page, demo.customer, "not-the-password");
  await expect(page.getByText("That email and password don't match")).toBeVisible();
  await page.goto("/");
  await expect(headerSignIn(page)).toBeVisible();
});

test("the customer orders, sees their orders, and can't open a kitchen", async ({ page }) => {
  await signInAs(page, demo.customer);
  await expect(await openAccountMenu(page)).toBeVisible();
  const account = page.getByRole("region", { name: "Your account" });
  await expect(account.getByText(demo.customer)).toBeVisible();
  await expect(account.getByText("Customer", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  await page.getByRole("link", { name: "Your orders" }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await addMargherita(page);
  await page.goto("/checkout");
  await page.getByLabel("Phone number").fill("+1 415 555 0101");
  await page.getByLabel("Delivery address").fill("88 Columbus Ave, San Francisco");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Order placed" })).toBeVisible();

  await page.goto("/restaurant");
  await expect(
    page.getByRole("heading", { level: 1, name: "This page is for restaurant staff" }),
  ).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  const tickets = await trpcQuery(page, "restaurants.tickets", { restaurantId: "nonna-rosa" });
  expect(tickets.status).toBe(403);
});

test("staff of Bombay Tiffin House see only Bombay's kitchen, and can't order", async ({ page }) => {
  await signInAs(page, demo.bombayOwner, { next: "/restaurant" });
  // One restaurant: straight to its board, nothing to switch to.
  await expect(page.getByRole("heading", { level: 1, name: "Bombay Tiffin House" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Switch restaurant" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await openAccountMenu(page);
  await expect(page.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Your orders" })).toHaveCount(0);

  // Another restaurant's board, by link: refused on screen and by the API.
  await page.goto("/restaurant?r=nonna-rosa");
  await expect(page.getByText("That restaurant isn't on your account")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Bombay Tiffin House" })).toBeVisible();
  await expect(page.getByText("Nonna Rosa")).toHaveCount(0);
  expect((await trpcQuery(page, "restaurants.tickets", { restaurantId: "nonna-rosa" })).status).toBe(404);
  expect((await trpcQuery(page, "restaurants.tickets", { restaurantId: "bombay-tiffin-house" })).status).toBe(
    200,
  );
  const mine = await trpcQuery(page, "restaurants.myRestaurants");
  expect((mine.data as { id: string }[]).map((r) => r.id)).toEqual(["bombay-tiffin-house"]);

  await addMargherita(page);
  await page.goto("/checkout");
  await expect(page.getByText("Orders are placed with a customer account")).toBeVisible();
  await expect(page.getByRole("button", { name: "Place order" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("staff of Nonna Rosa see Nonna Rosa's kitchen, not Bombay's", async ({ page }) => {
  await signInAs(page, demo.nonnaStaff, { next: "/restaurant" });
  await expect(page.getByRole("heading", { level: 1, name: "Nonna Rosa Pizzeria" })).toBeVisible();
  expect((await trpcQuery(page, "restaurants.tickets", { restaurantId: "bombay-tiffin-house" })).status).toBe(
    404,
  );
});

for (const [label, email] of [
  ["a courier", demo.courier],
  ["a support agent", demo.agent],
  ["an operator", demo.operator],
] as const) {
  test(`${label} is signed in, with no way into checkout or a kitchen`, async ({ page }) => {
    await signInAs(page, email);
    // Their tools don't exist yet: just their name and "Sign out", no links to nowhere.
    const signOut = await openAccountMenu(page);
    await expect(signOut).toBeVisible();
    await expect(page.getByRole("link", { name: "Your orders" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);

    await addMargherita(page);
    await page.goto("/checkout");
    await expect(page.getByText("Orders are placed with a customer account")).toBeVisible();
    await expect(page.getByRole("button", { name: "Place order" })).toHaveCount(0);

    await page.goto("/restaurant");
    await expect(
      page.getByRole("heading", { level: 1, name: "This page is for restaurant staff" }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    expect((await trpcQuery(page, "restaurants.tickets", { restaurantId: "nonna-rosa" })).status).toBe(403);
    expect((await trpcQuery(page, "orders.mine")).status).toBe(403);
  });
}
