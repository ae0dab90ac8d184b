import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, headerSignIn, issuerOrigin } from "../../fixtures/session";

const pages = [
  "/",
  "/r/bombay-tiffin-house",
  "/checkout",
  "/signin",
  "/orders",
  "/restaurant",
  "/no-such-page",
];

const directives = (policy: string) =>
  new Map(
    policy.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

test("every page is served with a nonce-based CSP and the other security headers", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await page.goto(path);
    const headers = response?.headers() ?? {};
    const csp = directives(headers["content-security-policy"] ?? "");
    const scripts = csp.get("script-src") ?? [];
    const nonce = scripts.find((s) => s.startsWith("'nonce-"));
    expect(nonce, `${path}: script nonce`).toBeDefined();
    nonces.add(nonce ?? "");
    expect(scripts, `${path}: no inline or eval scripts`).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'", issuerOrigin]);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // The page really runs under the policy: the header's account area is drawn by client code after
    // asking /auth/session, so it appears only if the nonce'd scripts ran.
    await expect(headerSignIn(page)).toBeVisible();
  }
  expect(nonces.size, "a fresh nonce per response").toBe(pages.length);
  expect(violations).toEqual([]);
});

test("the auth endpoints refuse cross-site requests and never cache", async ({ request }) => {
  const refresh = await request.post("/auth/refresh", { headers: { origin: "https://evil.example" } });
  expect(refresh.status()).toBe(403);
  const logout = await request.post("/auth/logout", { headers: { origin: "https://evil.example" } });
  expect(logout.status()).toBe(403);
  const session = await request.get("/auth/session");
  expect(await session.json()).toEqual({ actor: null, renewable: false });
  expect(session.headers()["cache-control"]).toContain("no-store");
  // An open redirect through sign-in is impossible: the destination is reduced to a path on this site.
  const login = await request.get("/auth/login?next=//evil.example/x", { maxRedirects: 0 });
  expect(login.status()).toBe(302);
  expect(login.headers().location).toMatch(new RegExp(`^${issuerOrigin}/authorize\\?`));
  const callback = await request.get("/auth/callback?code=stolen&state=forged", { maxRedirects: 0 });
  expect(callback.headers().location).toMatch(/^\/signin\?error=expired/);
});

/** Every file of the browser's bundle (Next's `.next/static`), as the running stack built it. */
const clientFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? clientFiles(path) : [path];
  });

test("the client bundle carries no secrets or server configuration", () => {
  const staticDir = join(import.meta.dirname, "../../../apps/web/.next/static");
  const files = clientFiles(staticDir).filter((f) => /\.(js|css|json|map)$/.test(f));
  expect(files.length, "the web app was built").toBeGreaterThan(10);
  const forbidden = [
    DEMO_PASSWORD,
    "TIFFIN_AUTH_ISSUER",
    "TIFFIN_SHOW_DEMO_ACCOUNTS",
    issuerOrigin,
    "BEGIN PRIVATE KEY",
    "BEGIN EC PRIVATE KEY",
    "tiffin_refresh",
  ];
  const leaks = files.flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return forbidden.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${file}`);
  });
  expect(leaks).toEqual([]);
});
