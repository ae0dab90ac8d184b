import type { Page } from "@playwright/test";
import { registerCustomer } from "@tiffin/auth/testing";
import { gradientPng } from "@tiffin/restaurants/testing/images";
import { trpcQuery } from "../../fixtures/api";
import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import { demo, expect, issuerOrigin, signInAs, test, uniqueEmail } from "../../fixtures/session";

const RESTAURANT = "bombay-tiffin-house";
const PASSWORD = "a-long-enough-passphrase-42";

/** The unit price orders would charge now for `itemId` with `options`, from its replica (public quote). */
const quotedUnitPrice = async (page: Page, itemId: string, options: unknown) => {
  const { status, data } = await trpcQuery(page, "orders.quote", {
    restaurantId: RESTAURANT,
    lines: [{ itemId, quantity: 1, options }],
  });
  return status === 200 ? (data as { lines: { unitPriceCents: number }[] }).lines[0]?.unitPriceCents : status;
};

test("a new dish with a photo and a required option group reaches the customer's menu, options price the cart, and a price change is what the next order is charged", async ({
  page,
  baseURL,
  signedInPage,
}) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error("baseURL is not set");
  // One run of each project shares the stack: a name of its own keeps the runs apart.
  const dish = `Goan Fish Curry ${Math.random().toString(36).slice(2, 6)}`;
  const photoAlt = `A bowl of ${dish}`;

  // The restaurant, in its own browser: a new dish with a photo and a required spice level.
  const staff = await signedInPage(demo.bombayOwner);
  await staff.goto(`/restaurant/menu?r=${RESTAURANT}`);
  await expect(staff.getByRole("heading", { level: 1, name: "Menu" })).toBeVisible();
  await expect(staff.getByRole("heading", { level: 2, name: "Curries" })).toBeVisible();
  await expectNoSeriousA11yViolations(staff);

  await staff.getByRole("button", { name: "Add a dish to Curries" }).click();
  const form = staff.getByRole("dialog", { name: "New dish" });
  await form.getByLabel("Name", { exact: true }).fill(dish);
  await form
    .getByRole("textbox", { name: /^Description/ })
    .fill("Kingfish in a tangy coconut and kokum gravy.");
  await form.getByLabel("Price ($)").fill("14.50");
  await form.getByRole("button", { name: "Gluten-free" }).click();
  await form.getByLabel(/Choose a photo/).setInputFiles({
    name: "fish-curry.png",
    mimeType: "image/png",
    buffer: gradientPng(320, 200),
  });
  await expect(form.getByText("Photo uploaded: it is attached when you save.")).toBeVisible();
  await form.getByRole("textbox", { name: /^Photo description/ }).fill(photoAlt);

  await form.getByRole("button", { name: "Add an option group" }).click();
  await form.getByLabel("Group 1 name", { exact: true }).fill("Spice level");
  // A rule the server refuses first: at least 2 of options where at most 1 may be chosen.
  await form.getByLabel("Fewest choices").fill("2");
  await form.getByLabel("Most choices").fill("1");
  await form.getByRole("textbox", { name: "Option 1 of Spice level" }).fill("Mild");
  await form.getByRole("textbox", { name: "Option 2 of Spice level" }).fill("Hot");
  await form.getByLabel("Adds ($)").nth(1).fill("1.00");
  await expectNoSeriousA11yViolations(staff);
  await form.getByRole("button", { name: "Save dish" }).click();
  // Said at the field it is about (its error message), and at the top of the form.
  await expect(form.getByLabel("Fewest choices")).toHaveAccessibleErrorMessage(
    "The fewest choices can't be more than the most choices.",
  );
  await expect(form.getByRole("alert").filter({ hasText: "Not saved" })).toBeVisible();

  await form.getByLabel("Fewest choices").fill("1");
  await form.getByRole("button", { name: "Save dish" }).click();
  await expect(staff.getByRole("main").getByText(`Saved ${dish}. Customers see it now.`)).toBeVisible();
  await expect(form).toBeHidden();
  const row = staff.getByRole("listitem").filter({ has: staff.getByRole("heading", { name: dish }) });
  await expect(row.getByRole("img", { name: photoAlt })).toBeVisible();
  await expectNoSeriousA11yViolations(staff);

  // The customer, in another browser: the dish is on the menu with its photo, sized before it loads.
  await page.goto(`/r/${RESTAURANT}`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: dish }) });
  await expect(card).toBeVisible();
  const photo = card.getByRole("img", { name: photoAlt });
  await expect(photo).toHaveAttribute("width", "320");
  await expect(photo).toHaveAttribute("height", "200");
  await expect(photo).toHaveAttribute("src", /^\/media\/menu\/bombay-tiffin-house\//);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await expect(card.getByText("Spice level")).toBeVisible();

  // Options: a dialog (a sheet on phones) that will not add the dish until a spice level is chosen.
  await card.getByRole("button", { name: `Add ${dish} to cart` }).click();
  const chooser = page.getByRole("dialog", { name: dish });
  await expect(chooser.getByRole("group", { name: "Spice level" })).toBeVisible();
  await expect(chooser.getByText("Required · choose 1")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await chooser.getByRole("button", { name: /^Add 1 to order/ }).click();
  await expect(chooser.getByText('Choose an option for "Spice level".')).toBeVisible();
  await chooser.getByRole("radio", { name: /Hot/ }).check();
  await chooser.getByRole("button", { name: /Increase quantity of/ }).click();
  await expect(chooser.getByRole("button", { name: /^Add 2 to order · \$31\.00$/ })).toBeVisible();
  await chooser.getByRole("button", { name: /^Add 2 to order/ }).click();
  await expect(chooser).toBeHidden();

  // The server prices the options: 2 × (14.50 + 1.00) = 31.00, shown with the choice at checkout.
  await page.getByRole("link", { name: /Cart 2 items/ }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  const bill = page.getByRole("listitem").filter({ hasText: dish });
  await expect(bill.getByText("Spice level: Hot")).toBeVisible();
  await expect(bill.getByText("$31.00")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The restaurant raises the price; once orders' replica has it, the next order is charged the new one.
  await row.getByRole("button", { name: `Edit ${dish}` }).click();
  const edit = staff.getByRole("dialog", { name: `Edit ${dish}` });
  await edit.getByLabel("Price ($)").fill("16.00");
  await edit.getByRole("button", { name: "Save dish" }).click();
  await expect(staff.getByRole("main").getByText(`Saved ${dish}. Customers see it now.`)).toBeVisible();

  const { data: menu } = await trpcQuery(staff, "restaurants.menu", { restaurantId: RESTAURANT });
  const item = (menu as { categories: { items: { id: string; name: string }[] }[] }).categories
    .flatMap((c) => c.items)
    .find((i) => i.name === dish);
  if (!item) throw new Error(`${dish} is not on the menu`);
  const hot = [{ groupId: "spice-level", optionIds: ["hot"] }];
  await expect.poll(() => quotedUnitPrice(page, item.id, hot), { timeout: 30_000 }).toBe(1700);

  // A fresh customer (orders.place limits each one) signs in and places the cart: charged 2 × 17.00.
  const email = uniqueEmail("menu-price");
  await registerCustomer({
    issuer: issuerOrigin,
    email,
    password: PASSWORD,
    redirectUri: `${baseURL}/auth/callback`,
  });
  await signInAs(page, email, { next: "/checkout", password: PASSWORD });
  await expect(page.getByRole("listitem").filter({ hasText: dish }).getByText("$34.00")).toBeVisible();
  await page.getByLabel("Full name").fill("Menu Tester");
  await page.getByLabel("Phone number").fill("+1 415 555 0177");
  await page.getByLabel("Delivery address").fill("500 Guerrero St, San Francisco");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderId = page.url().split("/").pop() ?? "";
  const { data: order } = await trpcQuery(page, "orders.get", { orderId });
  expect(
    (order as { lines: { itemId: string; unitPriceCents: number; lineTotalCents: number }[] }).lines,
  ).toEqual([expect.objectContaining({ itemId: item.id, unitPriceCents: 1700, lineTotalCents: 3400 })]);
});
