import { trpcMutation } from "../../fixtures/api";
import { expectNoSeriousA11yViolations } from "../../fixtures/axe";
import {
  accountButton,
  demo,
  expect,
  headerSignIn,
  issuerOrigin,
  latestCode,
  registerAs,
  signOut,
  submitIssuerLogin,
  test,
  uniqueEmail,
} from "../../fixtures/session";

const PASSWORD = "a-long-enough-passphrase-42";

test("a new account keeps its name exactly as typed, in any script", async ({ page, request }) => {
  const name = "Zoë 李小龍 محمد 👩🏽‍🍳 Rene\u0301e";
  await registerAs(page, request, { email: uniqueEmail("named"), name, password: PASSWORD });
  await expect(accountButton(page)).toHaveAccessibleName(`Account: ${name}`);
  await accountButton(page).click();
  await expect(
    page.getByRole("region", { name: "Your account" }).getByText(name, { exact: true }),
  ).toBeVisible();
});

test("a name with a text-direction override is refused, and the form says which field", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Email").fill(uniqueEmail("override"));
  await page.getByLabel("Your name (optional)").fill("Ada\u202Egpj.exe");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Repeat password").fill(PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Name: remove the invisible text-direction override characters it contains.",
  );
  await expect(page.getByLabel("6-digit code")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("forgot password: a code by email, a new password, and back to Tiffin signed in with it", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("forgot");
  await registerAs(page, request, { email, password: PASSWORD });
  await signOut(page);

  await page.goto("/signin");
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuerOrigin}/password/change`));
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(
    page.getByText(`If ${email} has a Tiffin account, a 6-digit code is on its way to it.`),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("6-digit code").fill(await latestCode(request, email));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("New password").fill("a-brand-new-passphrase-7");
  await page.getByLabel("Repeat password").fill("a-brand-new-passphrase-7");
  await page.getByRole("button", { name: "Continue" }).click();

  // The reset ends on the issuer's own sign-in form, which still leads back to Tiffin.
  await expect(page.getByText("Your password was changed. Sign in with the new one.")).toBeVisible();
  await submitIssuerLogin(page, email, "a-brand-new-passphrase-7");
  await expect(accountButton(page)).toBeVisible();
});

test("the issuer refuses a sign-in link that would send you elsewhere", async ({ page, baseURL }) => {
  // The reported open redirect: a provider that is a path became `Location: //example.org/authorize`.
  const query = new URLSearchParams({
    client_id: "tiffin-web",
    redirect_uri: `${baseURL}/auth/callback`,
    response_type: "code",
    provider: "/example.org",
  });
  const response = await page.goto(`${issuerOrigin}/authorize?${query}`);
  expect(response?.status()).toBe(400);
  await expect(page).toHaveURL(new RegExp(`^${issuerOrigin}/authorize`));
  await expect(page.getByRole("heading", { level: 1, name: "This sign-in link is not valid" })).toBeVisible();
  await page.goto("/");
  await expect(headerSignIn(page)).toBeVisible();
});

test("an operator revokes an account's sessions: at its next renewal the person is signed out", async ({
  page,
  context,
  request,
  signedInPage,
}) => {
  const email = uniqueEmail("revoked");
  await registerAs(page, request, { email, password: PASSWORD });

  const operator = await signedInPage(demo.operator);
  const revoked = await trpcMutation(operator, "auth.revokeSessions", { email });
  expect(revoked.status, revoked.body).toBe(200);
  expect(JSON.parse(revoked.body).result.data.json).toEqual({ email, revoked: 1 });

  // The access token runs out (15 minutes): the renewal is refused, and the page says sign in.
  await context.clearCookies({ name: "tiffin_access" });
  await accountButton(page).click();
  await page.getByRole("link", { name: "Your orders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to see your orders" })).toBeVisible();
  await expect(headerSignIn(page)).toBeVisible();
  expect((await context.cookies()).map((c) => c.name)).not.toContain("tiffin_refresh");
});
