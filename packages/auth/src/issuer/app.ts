/**
 * The OpenAuth issuer: password login and registration (Tiffin's password provider), tokens for the web
 * client only, throttling inside every password and code check, and, in local mode, the dev mailbox.
 * Everything it needs arrives through `IssuerDeps`, so tests run it against DynamoDB Local directly.
 */
import { issuer } from "@openauthjs/openauth";
import type { StorageAdapter } from "@openauthjs/openauth/storage/storage";
import { type Actor, subjects, WEB_CLIENT_ID } from "@tiffin/kit/auth";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { type AccountDeps, accountForSignIn, actorOf, normalizeEmail } from "./domain/accounts";
import { createOneTimeCodes } from "./domain/one-time-codes";
import type { AttemptCounter, MailboxReader, Mailer, OneTimeCodeStore } from "./domain/ports";
import { currentActor } from "./domain/sessions";
import { createThrottle } from "./domain/throttle";
import { disabledAccountPage, expiredPage, mailboxPage, refusedClientPage } from "./pages";
import { TiffinPasswordProvider } from "./password/provider";
import { openAuthRefreshTokens, withCurrentAccounts } from "./storage/openauth";
import { openAuthPasswords } from "./storage/passwords";
import { tiffinTheme } from "./theme";

export const TOKEN_TTL_SECONDS = { access: 15 * 60, refresh: 30 * 24 * 60 * 60 };

/** The one path of the web app a code may be sent to (on one of its origins). */
export const WEB_CALLBACK_PATH = "/auth/callback";

export interface IssuerDeps extends AccountDeps {
  /** OpenAuth's storage (keys, codes, refresh tokens, password hashes): DynamoStorage on AuthTable. */
  storage: StorageAdapter;
  mailer: Mailer;
  /** Set in local mode only: serves /dev/mailbox and /dev/mailbox.json. */
  mailbox?: MailboxReader;
  /** Counters behind every throttle (logins, code guesses, codes mailed). */
  attempts: AttemptCounter;
  /** One-time codes (registration, password reset), kept on the server. */
  codes: OneTimeCodeStore;
  /** Origins the web app is served on, e.g. `http://127.0.0.1:3000`: codes go only to their callback. */
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

/**
 * The only authorization requests the issuer takes: the web client, a code (never tokens in a URL),
 * PKCE with S256, the password provider (or none named), back to the web app's callback on one of its
 * origins, exactly. `prompt=create` (OpenID Connect's "initiating user registration") opens the
 * registration form instead of the sign-in form.
 */
const authorizeQuery = (callbacks: ReadonlySet<string>) =>
  z.object({
    client_id: z.literal(WEB_CLIENT_ID),
    response_type: z.literal("code"),
    redirect_uri: z.string().refine((uri) => callbacks.has(uri)),
    code_challenge: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/),
    code_challenge_method: z.literal("S256"),
    provider: z.literal("password").optional(),
    prompt: z.enum(["login", "create"]).optional(),
    state: z.string().max(512).optional(),
  });

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
  const webOrigins = new Set(deps.webOrigins.map((o) => originOf(o) ?? o));
  const callbacks = new Set([...webOrigins].map((origin) => `${origin}${WEB_CALLBACK_PATH}`));
  const AuthorizeQuery = authorizeQuery(callbacks);
  // Every refresh re-reads the account: roles and memberships are never frozen into a refresh chain.
  const storage = withCurrentAccounts(deps.storage, currentActor(deps));
  const throttle = createThrottle({ attempts: deps.attempts, now: deps.now });

  const openauth = issuer({
    subjects,
    storage,
    theme: tiffinTheme,
    ttl: TOKEN_TTL_SECONDS,
    providers: {
      password: TiffinPasswordProvider({
        passwords: openAuthPasswords(storage),
        accounts: deps.accounts,
        codes: createOneTimeCodes({ store: deps.codes, now: deps.now, newId: deps.newId }),
        throttle,
        mailer: deps.mailer,
        refreshTokens: openAuthRefreshTokens(storage),
        clientAddress,
      }),
    },
    // Checked again by the /authorize guard below, with PKCE and the exact callback.
    allow: async ({ clientID, redirectURI }) => clientID === WEB_CLIENT_ID && callbacks.has(redirectURI),
    success: async (ctx, value) => {
      const account = await signIn(value.email, { name: value.name });
      if (account.disabled) {
        return new Response(disabledAccountPage(), {
          status: 403,
          headers: { "content-type": "text/html; charset=utf-8" },
        });
      }
      const actor: Actor = actorOf(account);
      return ctx.subject("user", actor, { subject: account.id });
    },
    error: async () =>
      new Response(expiredPage(), { status: 400, headers: { "content-type": "text/html; charset=utf-8" } }),
  });

  const app = new Hono<{ Bindings: Bindings }>();
  app.use("*", hardenPages([...webOrigins]));

  // OpenAuth 0.4.3 redirects to whatever `provider` names (`provider=/evil.example` answers
  // `Location: //evil.example/authorize`) and answers a refused client by redirecting to the
  // redirect_uri it just refused. Anything but the one request the web app makes is refused here,
  // with a page, before OpenAuth sees it.
  app.use("/authorize", async (c, next) => {
    const query = AuthorizeQuery.safeParse(c.req.query());
    if (!query.success) return c.html(refusedClientPage(), 400);
    await next();
    if (query.data.prompt === "create" && c.res.headers.get("location") === "/password/authorize") {
      c.res.headers.set("location", "/password/register");
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
