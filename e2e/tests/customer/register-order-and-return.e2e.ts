import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import {
  accountButton,
  demo,
  expect,
  issuerOrigin,
  latestCode,
  signInAs,
  signOut,
  submitIssuerLogin,
  test,
  uniqueEmail,
} from "../../fixtures/session";

const PASSWORD = "a-long-enough-passphrase-42";

test("a new customer registers from checkout, orders, signs out, signs back in and finds the order", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("new-customer");

  // Signed out, with a cart: the summary is there, the place button asks to sign in.
  await page.goto("/r/bombay-tiffin-house");
  await page.getByRole("button", { name: "Add Butter Chicken to cart" }).click();
  await page.getByRole("link", { name: /Cart 1 item/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await expect(page.getByText("Butter Chicken").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Place order" })).toHaveCount(0);
  await page.getByRole("link", { name: "Sign in to place your order" }).click();
  await expect(page).toHaveURL(/\/signin\?next=%2Fcheckout$/);

  // Registration happens on the issuer: email + password, then the code from the (dev) mailbox.
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuerOrigin}/password/register`));
  await expectNoSeriousA11yViolations(page);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('input[name="repeat"]').fill(PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator('input[name="code"]')).toBeVisible();
  await page.locator('input[name="code"]').fill(await latestCode(request, email));
  await page.getByRole("button", { name: "Continue" }).click();

  // Back at checkout, signed in, the cart still there.
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(accountButton(page)).toBeVisible();
  await expect(page.getByText("Butter Chicken").first()).toBeVisible();
  await page.getByLabel("Full name").fill("Nia Newcomer");
  await page.getByLabel("Phone number").fill("+1 415 555 0177");
  await page.getByLabel("Delivery address").fill("500 Howard St, San Francisco");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Order placed" })).toBeVisible();
  const orderUrl = page.url();
  const shortCode = (await page.getByText(/^[0-9A-F]{6}$/).textContent()) ?? "";
  expect(shortCode).toMatch(/^[0-9A-F]{6}$/);

  // Signed out, the order is private again.
  await signOut(page);
  await page.goto(orderUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to see your order" })).toBeVisible();

  // Back in with the new password, from the header: the order is in "Your orders".
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await submitIssuerLogin(page, email, PASSWORD);
  await expect(accountButton(page)).toBeVisible();
  await accountButton(page).click();
  await page.getByRole("link", { name: "Your orders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  const order = page.getByRole("link", { name: new RegExp(shortCode) });
  await expect(order).toBeVisible();
  await expect(order).toContainText("Bombay Tiffin House");
  await expect(order).toContainText("Placed");
  await order.click();
  await expect(page).toHaveURL(orderUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Order placed" })).toBeVisible();

  // Another customer with the link sees what anyone sees for an order that isn't theirs: nothing.
  await signOut(page);
  await signInAs(page, demo.customer, { next: new URL(orderUrl).pathname });
  await expect(page.getByText("We couldn't find that order")).toBeVisible();
  await expect(page.getByText(shortCode)).toHaveCount(0);
});
