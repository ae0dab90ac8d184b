import type { Page } from "@playwright/test";
import { ticketCodes } from "../../fixtures/api";
import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import { startService, stopService } from "../../fixtures/control";
import { demo, expect, registerAs, test, uniqueEmail } from "../../fixtures/session";

const PASSWORD = "a-long-enough-passphrase-42";

/** Layout shift of the page so far (the CLS sum, without the shifts that follow input). */
const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          let sum = 0;
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) sum += entry.value;
          }
          resolve(sum);
        }).observe({ type: "layout-shift", buffered: true });
        // No entry at all is no shift: the observer only calls back with some.
        setTimeout(() => resolve(0), 500);
      }),
  );

// Whatever happens in a test, the next one finds the stack whole again.
test.afterEach(async () => {
  await startService("restaurants");
});

test("with the restaurants service stopped, a customer browses and orders; the ticket reaches the kitchen once, when it is back", async ({
  page,
  request,
  signedInPage,
}) => {
  test.setTimeout(180_000);
  // A running site has served its catalog before the outage, so the web app has it cached.
  for (const path of ["/", "/r/bombay-tiffin-house"]) expect((await request.get(path)).status()).toBe(200);
  const kitchen = await signedInPage(demo.bombayOwner);
  await registerAs(page, request, { email: uniqueEmail("restaurants-down"), password: PASSWORD });

  expect((await stopService("restaurants")).state).toBe("stopped");
  expect((await request.get("/trpc/restaurants/list")).status()).toBe(503);

  // Browsing works from the cached catalog, without a shift as the page settles.
  await page.goto("/");
  const bombay = page.getByRole("link", { name: /Bombay Tiffin House/ });
  await expect(bombay).toBeVisible();
  await expect(page.getByRole("link", { name: /Nonna Rosa/ })).toBeVisible();
  expect(await layoutShift(page)).toBeLessThan(0.1);
  await expectNoSeriousA11yViolations(page);

  // Searching dishes needs the service; the page says so and searches what it has.
  const search = page.getByLabel("Search restaurants or dishes");
  await search.fill("tiffin");
  await search.press("Enter");
  await expect(page.getByText("Dish search is temporarily unavailable")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^1 restaurant$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await bombay.click();

  await expect(page).toHaveURL(/\/r\/bombay-tiffin-house$/);
  await expect(page.getByRole("heading", { level: 1, name: "Bombay Tiffin House" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Loaded afresh, the menu comes whole in the HTML: nothing moves as the browser's own read fails.
  await page.reload();
  await expect(page.getByRole("button", { name: "Add Butter Chicken to cart" })).toBeVisible();
  expect(await layoutShift(page)).toBeLessThan(0.1);
  await page.getByRole("button", { name: "Add Butter Chicken to cart" }).click();
  await page.getByRole("link", { name: /Cart 1 item/ }).click();

  // Checkout prices from orders' own replica and places the order: restaurants is not asked.
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await page.getByLabel("Full name").fill("Ravi Menon");
  await page.getByLabel("Phone number").fill("+1 415 555 0188");
  await page.getByLabel("Delivery address").fill("48 Outage Ave, San Francisco");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/34");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Order placed" })).toBeVisible();
  const shortCode = (await page.getByText(/^[0-9A-F]{6}$/).textContent()) ?? "";
  expect(shortCode).toMatch(/^[0-9A-F]{6}$/);

  // The kitchen's board says it is down and that new orders are kept, never a raw error.
  await kitchen.goto("/restaurant?r=bombay-tiffin-house");
  await expect(kitchen.getByText("The kitchen board is temporarily unavailable")).toBeVisible();
  await expect(kitchen.getByText("New orders are kept and will appear when it is back.")).toBeVisible();
  await expectNoSeriousA11yViolations(kitchen);

  // Back: the board recovers by itself, and the order that waited in the queue is on it, once.
  expect((await startService("restaurants")).state).toBe("running");
  const ticket = kitchen.getByRole("article", { name: `Order ${shortCode}` });
  await expect(ticket).toBeVisible({ timeout: 60_000 });
  await expect(ticket.getByText("Ravi Menon")).toBeVisible();
  await expect(ticket).toHaveCount(1);
  expect((await ticketCodes(kitchen, "bombay-tiffin-house")).filter((c) => c === shortCode)).toHaveLength(1);
  await expectNoSeriousA11yViolations(kitchen);
});
