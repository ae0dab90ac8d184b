/**
 * The OpenAuth issuer: password login and registration (Tiffin's password provider), tokens for the web
 * client only, throttling inside every password and code check, and, in local mode, the dev mailbox.
 * Everything it needs arrives through `IssuerDeps`, so tests run it against DynamoDB Local directly.
 * Its pieces, one file each: authorize.ts (the one authorization request taken), harden.ts (every HTML
 * answer), password-provider.ts and password-forms.ts, pages.ts, theme.ts, dev-mailbox.ts, and
 * function-url.ts (the Lambda side); the throttle's rules are domain code (../domain/throttle.ts).
 */
import { issuer } from "@openauthjs/openauth";
import type { StorageAdapter } from "@openauthjs/openauth/storage/storage";
import type { Actor } from "@tiffin/kit/actor";
import { subjects } from "@tiffin/kit/auth";
import { TOKEN_LIFETIME_SECONDS, WEB_CLIENT_ID } from "@tiffin/kit/session";
import { Hono } from "hono";
import { type AccountDeps, accountForSignIn, actorOf } from "../domain/accounts";
import { createOneTimeCodes } from "../domain/one-time-codes";
import type { AttemptCounter, MailboxReader, Mailer, OneTimeCodeStore } from "../domain/ports";
import { currentActor } from "../domain/sessions";
import { createThrottle } from "../domain/throttle";
import { openAuthRefreshTokens, withCurrentAccounts } from "../storage/openauth";
import { openAuthPasswords } from "../storage/passwords";
import { authorizeGuard, WEB_CALLBACK_PATH } from "./authorize";
import { devMailboxRoutes } from "./dev-mailbox";
import { type Bindings, clientAddress } from "./function-url";
import { hardenPages } from "./harden";
import { disabledAccountPage, expiredPage } from "./pages";
import { TiffinPasswordProvider } from "./password-provider";
import { tiffinTheme } from "./theme";

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
  /**
   * Origins the web app is served on, e.g. `http://127.0.0.1:3000` (as `parseWebOrigins` in
   * @tiffin/kit/session reads them from TIFFIN_WEB_ORIGINS): codes go only to their callback.
   */
  webOrigins: readonly string[];
}

const html = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8" } });

export const createIssuerApp = (deps: IssuerDeps) => {
  const signIn = accountForSignIn(deps);
  const callbacks = new Set(deps.webOrigins.map((origin) => `${origin}${WEB_CALLBACK_PATH}`));
  // Every refresh re-reads the account: roles and memberships are never frozen into a refresh chain.
  const storage = withCurrentAccounts(deps.storage, currentActor(deps));
  const throttle = createThrottle({ attempts: deps.attempts, now: deps.now });

  const openauth = issuer({
    subjects,
    storage,
    theme: tiffinTheme,
    ttl: TOKEN_LIFETIME_SECONDS,
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
    // Checked again by the /authorize guard, with PKCE and the exact callback.
    allow: async ({ clientID, redirectURI }) => clientID === WEB_CLIENT_ID && callbacks.has(redirectURI),
    success: async (ctx, value) => {
      const account = await signIn(value.email, { name: value.name });
      if (account.disabled) return html(disabledAccountPage(), 403);
      const actor: Actor = actorOf(account);
      return ctx.subject("user", actor, { subject: account.id });
    },
    error: async () => html(expiredPage(), 400),
  });

  const app = new Hono<{ Bindings: Bindings }>();
  app.use("*", hardenPages(deps.webOrigins));
  app.use("/authorize", authorizeGuard(callbacks));
  if (deps.mailbox) app.route("/", devMailboxRoutes(deps.mailbox));
  app.route("/", openauth);
  return app;
};

export type IssuerApp = ReturnType<typeof createIssuerApp>;
