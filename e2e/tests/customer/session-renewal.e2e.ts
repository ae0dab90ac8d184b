import { accountButton, demo, expect, headerSignIn, signInAs, test } from "../../fixtures/session";

test("an expired access token is renewed behind the scenes: no surprise sign-out", async ({
  page,
  context,
}) => {
  await signInAs(page, demo.customer, { next: "/orders" });
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  await page.getByRole("link", { name: "Tiffin, all restaurants" }).click();
  await expect(page.getByRole("heading", { name: /All restaurants/ })).toBeVisible();

  // The 15-minute access token "expires": the browser drops its cookie, the refresh cookie remains.
  await context.clearCookies({ name: "tiffin_access" });

  // A call now gets 401; the client renews the session once and retries it.
  const refreshed = page.waitForResponse((r) => r.url().endsWith("/auth/refresh") && r.status() === 200);
  await accountButton(page).click();
  await page.getByRole("link", { name: "Your orders" }).click();
  await refreshed;
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  await expect(page.getByText("We couldn't load your orders")).toHaveCount(0);
  await expect(accountButton(page)).toBeVisible();
  expect((await context.cookies()).map((c) => c.name)).toContain("tiffin_access");

  // Both cookies gone (the refresh token expired or was revoked): the next call's 401 can't be renewed,
  // so the page says so and offers sign-in; the header follows.
  await context.clearCookies({ name: "tiffin_access" });
  await context.clearCookies({ name: "tiffin_refresh" });
  await page.getByRole("link", { name: "Tiffin, all restaurants" }).click();
  await accountButton(page).click();
  await page.getByRole("link", { name: "Your orders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to see your orders" })).toBeVisible();
  await expect(headerSignIn(page)).toBeVisible();
});
