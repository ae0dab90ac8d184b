/**
 * The OpenAuth issuer: password login and registration (PasswordProvider + PasswordUI), tokens for the
 * web client only, login throttling around the password forms, and, in local mode, the dev mailbox.
 * Everything it needs arrives through `IssuerDeps`, so tests run it against DynamoDB Local directly.
 */
import { issuer } from "@openauthjs/openauth";
import { PasswordProvider } from "@openauthjs/openauth/provider/password";
import { Storage, type StorageAdapter } from "@openauthjs/openauth/storage/storage";
import { PasswordUI } from "@openauthjs/openauth/ui/password";
import { type Actor, subjects, WEB_CLIENT_ID } from "@tiffin/kit/auth";
import { type Context, Hono } from "hono";
import { type AccountDeps, accountForSignIn, actorOf, normalizeEmail } from "./domain/accounts";
import { codeMessage } from "./domain/codes";
import type { MailboxReader, Mailer } from "./domain/ports";
import type { LoginThrottle } from "./domain/throttle";
import { expiredPage, mailboxPage, refusedClientPage, throttledPage } from "./pages";
import { openAuthPasswords, passwordHasher, spendPasswordCheck } from "./storage/passwords";
import { tiffinTheme } from "./theme";

export const TOKEN_TTL_SECONDS = { access: 15 * 60, refresh: 30 * 24 * 60 * 60 };

export interface IssuerDeps extends AccountDeps {
  /** OpenAuth's storage (keys, codes, refresh tokens, password hashes): DynamoStorage on AuthTable. */
  storage: StorageAdapter;
  mailer: Mailer;
  /** Set in local mode only: serves /dev/mailbox and /dev/mailbox.json. */
  mailbox?: MailboxReader;
  throttle: LoginThrottle;
  /** Origins a redirect_uri may point at (the web app's), e.g. `http://127.0.0.1:3000`. */
  webOrigins: readonly string[];
}

/** What hono/aws-lambda passes as `c.env`; absent when the app is called with `app.fetch(request)`. */
type Bindings = { requestContext?: { http?: { sourceIp?: string } } } | undefined;

/**
 * Where a request comes from. Under Lambda, the Function URL's `sourceIp` (AWS takes it from the
 * connection, so a client cannot choose it); otherwise the first `x-forwarded-for` entry.
 */
export const clientAddress = (c: Context<{ Bindings: Bindings }>): string =>
  c.env?.requestContext?.http?.sourceIp ||
  c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ||
  "unknown";

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** Which password forms are throttled, and which of their answers is a failed attempt. */
const throttledForms: Record<
  string,
  { perAccount: boolean; failed: (status: number, action?: string) => boolean }
> = {
  // A wrong password (or unknown email) re-renders the form with 401; a success redirects.
  "/password/authorize": { perAccount: true, failed: (status) => status === 401 },
  // A wrong reset code (or bad input) re-renders with 400: guessing a reset code is guessing a password.
  "/password/change": { perAccount: false, failed: (status) => status === 400 },
  // A wrong registration code re-renders with 200 (OpenAuth's register page has no error status).
  "/password/register": {
    perAccount: false,
    failed: (status, action) => action === "verify" && status === 200,
  },
};

/** Hardening for every HTML answer: no remote assets, a language, no framing, forms post only home. */
const hardenPages = (formTargets: readonly string[]) => async (c: Context, next: () => Promise<void>) => {
  await next();
  if (!c.res.headers.get("content-type")?.startsWith("text/html")) return;
  const body = (await c.res.text())
    // OpenAuth's base stylesheet imports a CSS reset from a CDN; the theme carries its own.
    .replace(/@import url\((["'])https?:\/\/[^)]*\1\);?/g, "")
    .replace(/<html(?![^>]*\blang=)/, '<html lang="en"')
    // OpenAuth's logo images carry no alt text; the page title already names Tiffin, so they are decorative.
    .replace(/<img(?![^>]*\balt=)/g, '<img alt=""');
  c.res = new Response(body, c.res);
  c.header(
    "content-security-policy",
    [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      "img-src data:",
      // The login form posts here and is then redirected to the web app.
      `form-action 'self' ${formTargets.join(" ")}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join("; "),
  );
  c.header("cache-control", "no-store");
};

export const createIssuerApp = (deps: IssuerDeps) => {
  const signIn = accountForSignIn(deps);
  const passwords = openAuthPasswords(deps.storage);
  const webOrigins = new Set(deps.webOrigins.map((o) => originOf(o) ?? o));
  /** Only the web app may ask for tokens, and only to be sent back to one of its own origins. */
  const isAllowedClient = async (clientID: string, redirectURI: string) => {
    const origin = originOf(redirectURI);
    return clientID === WEB_CLIENT_ID && origin !== undefined && webOrigins.has(origin);
  };

  const openauth = issuer({
    subjects,
    storage: deps.storage,
    theme: tiffinTheme,
    ttl: TOKEN_TTL_SECONDS,
    providers: {
      password: PasswordProvider({
        ...PasswordUI({
          sendCode: (email, code) => deps.mailer.send(codeMessage(email, code)),
          copy: {
            // One message for a wrong password and an unknown email: which emails have accounts stays private.
            error_invalid_password: "That email and password don't match. Check both and try again.",
            error_invalid_email: "Enter a valid email address.",
            error_invalid_code: "That code is not right. Check the latest email from Tiffin.",
            error_email_taken: "There is already an account with this email. Sign in instead.",
            register_prompt: "New to Tiffin?",
            register: "Create an account",
            login_prompt: "Already have an account?",
            login: "Sign in",
            change_prompt: "Forgot password?",
            input_email: "Email",
            input_password: "Password",
            input_repeat: "Repeat password",
            input_code: "6-digit code",
          },
        }),
        hasher: passwordHasher,
      }),
    },
    allow: async ({ clientID, redirectURI }) => isAllowedClient(clientID, redirectURI),
    success: async (ctx, value) => {
      const account = await signIn(value.email);
      const actor: Actor = actorOf(account);
      const response = await ctx.subject("user", actor, { subject: account.id });
      // OpenAuth 0.4.3 records a hash of the token properties as the login's subject, while refresh
      // tokens are filed under the subject we chose; record ours, so a password change revokes them.
      await Storage.set(deps.storage, ["email", value.email, "subject"], account.id);
      return response;
    },
    error: async () =>
      new Response(expiredPage(), { status: 400, headers: { "content-type": "text/html; charset=utf-8" } }),
  });

  const app = new Hono<{ Bindings: Bindings }>();
  app.use("*", hardenPages([...webOrigins]));

  // OpenAuth answers a refused client by redirecting to the redirect_uri it just refused (with an error):
  // an open redirect. Refuse such requests here, with a page, before OpenAuth sees them.
  app.get("/authorize", async (c, next) => {
    const redirectUri = c.req.query("redirect_uri") ?? "";
    const allowed = await isAllowedClient(c.req.query("client_id") ?? "", redirectUri);
    if (!allowed) return c.html(refusedClientPage(), 400);
    return next();
  });

  app.use("/password/*", async (c, next) => {
    const form = c.req.method === "POST" ? throttledForms[c.req.path] : undefined;
    if (!form) return next();
    const fields = await c.req.formData().catch(() => undefined);
    const field = (name: string) => {
      const value = fields?.get(name);
      return typeof value === "string" ? value : undefined;
    };
    const typedEmail = form.perAccount ? field("email") : undefined;
    const attempt = { address: clientAddress(c), email: typedEmail ? normalizeEmail(typedEmail) : undefined };

    const decision = await deps.throttle.check(attempt);
    if (!decision.allowed) {
      return c.html(throttledPage(decision.retryAfterSeconds), 429, {
        "retry-after": String(decision.retryAfterSeconds),
      });
    }
    const unknownAccount = attempt.email !== undefined && !(await passwords.exists(attempt.email));

    await next();

    const status = c.res.status;
    if (form.failed(status, field("action"))) {
      await deps.throttle.failed(attempt);
      if (unknownAccount) await spendPasswordCheck(field("password") ?? "");
    } else if (attempt.email && status >= 300 && status < 400) {
      await deps.throttle.succeeded({ email: attempt.email, address: attempt.address });
    }
  });

  const { mailbox } = deps;
  if (mailbox) {
    app.get("/dev/mailbox", async (c) => {
      const to = c.req.query("to") ? normalizeEmail(c.req.query("to") ?? "") : undefined;
      return c.html(mailboxPage(await mailbox.list({ to, limit: 100 }), to));
    });
    app.get("/dev/mailbox.json", async (c) => {
      const to = c.req.query("to") ? normalizeEmail(c.req.query("to") ?? "") : undefined;
      c.header("cache-control", "no-store");
      return c.json({ messages: await mailbox.list({ to, limit: 100 }) });
    });
  }

  app.route("/", openauth);
  return app;
};

export type IssuerApp = ReturnType<typeof createIssuerApp>;

/**
 * hono/aws-lambda always builds an `https://` request URL. Function URLs are https, but the local host
 * serves plain http and says so in `x-forwarded-proto` (as AWS does): believe it, so OpenAuth's issuer
 * claim (`iss`) and cookie flags match the URL the browser actually used.
 */
export const behindFunctionUrl = (app: IssuerApp) =>
  new Hono<{ Bindings: Bindings }>().all("*", async (c) => {
    const request = c.req.raw;
    if (c.req.header("x-forwarded-proto") !== "http" || !request.url.startsWith("https:")) {
      return app.fetch(request, c.env);
    }
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const honest = new Request(request.url.replace(/^https:/, "http:"), {
      method: request.method,
      headers: request.headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: "manual",
    });
    return app.fetch(honest, c.env);
  });
