/**
 * Tiffin's password provider for OpenAuth (in place of OpenAuth 0.4.3's PasswordProvider, which keeps
 * one-time codes in a cookie the requester holds, counts guesses nowhere, and follows a `redirect_uri`
 * from the query after a reset). Same routes and the same password records (so existing accounts keep
 * working), with:
 * - codes on the server (domain/one-time-codes.ts): single use, 10 minutes, 5 checks, voided by a new
 *   code or by the password change they were for; the browser's cookie only says which code it is on;
 * - every password and code check throttled by an atomic reservation made before the check, per
 *   account and per client address (domain/throttle.ts), and codes mailed at most so often;
 * - a reset that ends on the sign-in form, never on an address from the request;
 * - a name chosen at registration, kept exactly, refused only when it is not text (domain/names.ts).
 */
import type { Provider } from "@openauthjs/openauth/provider/provider";
import type { Context } from "hono";
import { z } from "zod";
import { normalizeEmail } from "../domain/accounts";
import { codeMessage } from "../domain/codes";
import { nameProblem } from "../domain/names";
import { CODE_RULES, type CodeCheck, type OneTimeCodes } from "../domain/one-time-codes";
import type { AccountRepository, Mailer, RefreshTokens } from "../domain/ports";
import type { Throttle, ThrottledAction } from "../domain/throttle";
import type { PasswordHash, PasswordRecords } from "../storage/passwords";
import { throttledPage } from "./pages";
import { copy, loginPage, type Notice, registerPage, resetPage } from "./password-forms";

export interface PasswordFlowDeps {
  passwords: PasswordRecords;
  accounts: AccountRepository;
  codes: OneTimeCodes;
  throttle: Throttle;
  mailer: Mailer;
  refreshTokens: RefreshTokens;
  /** Where a request comes from (the throttle's per-address key). */
  clientAddress: (c: Context) => string;
}

/** What a successful login or registration hands to the issuer's `success`. */
export interface PasswordSignIn {
  email: string;
  /** Chosen at registration; absent for a login. */
  name?: string;
}

const Email = z.email().max(254);
const danger = (text: string): Notice => ({ tone: "danger", text });
const STATE_MAX_AGE = CODE_RULES.ttlMs / 1000;

/** The browser's side of a code flow: which email and which code, nothing that could be guessed from. */
interface CodeState {
  email: string;
  codeId: string;
  verified?: boolean;
}
interface Registration {
  passwordHash: PasswordHash;
  name?: string;
}

const formOf = async (c: Context) => {
  const fields = await c.req.formData().catch(() => undefined);
  return (name: string) => {
    const value = fields?.get(name);
    return typeof value === "string" ? value : "";
  };
};

const passwordProblem = (password: string, repeat: string) => {
  if (!password) return copy.passwordMissing;
  if (password.length < 8 || password.length > 200) return copy.passwordLength;
  if (password !== repeat) return copy.passwordMismatch;
  return undefined;
};

const throttled = (action: ThrottledAction, retryAfterSeconds: number) =>
  new Response(throttledPage(action, retryAfterSeconds), {
    status: 429,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(retryAfterSeconds) },
  });

export const TiffinPasswordProvider = (deps: PasswordFlowDeps): Provider<PasswordSignIn> => ({
  type: "password",
  init(routes, ctx) {
    /**
     * A page is sent through OpenAuth's `forward`, which adds the cookies set on the context (the code
     * state); a redirect (a finished sign-in, a finished reset) already carries them.
     */
    const handle =
      (fn: (c: Context) => Promise<Response>) =>
      async (c: Context): Promise<Response> => {
        const response = await fn(c);
        return response.status >= 300 && response.status < 400 ? response : ctx.forward(c, response);
      };
    const stateOf = async (c: Context, key: "register" | "reset") => {
      const state = (await ctx.get<CodeState | undefined>(c, key)) ?? undefined;
      return state && typeof state.email === "string" && typeof state.codeId === "string" ? state : undefined;
    };
    const attemptOf = (c: Context, email: string) => ({ email, address: deps.clientAddress(c) });

    /** Mails a new code (voiding the last one), if the recipient and the address may get another now. */
    const sendCode = async <Payload>(
      c: Context,
      purpose: "register" | "reset",
      email: string,
      payload: Payload,
      opts: { mail: boolean },
    ) => {
      const decision = await deps.throttle.reserve("mail", attemptOf(c, email));
      if (!decision.allowed)
        return { sent: false as const, response: throttled("mail", decision.retryAfterSeconds) };
      const { id, code } = await deps.codes.issue(purpose, email, payload);
      if (opts.mail) await deps.mailer.send(codeMessage(purpose, email, code));
      await ctx.set<CodeState>(c, purpose, STATE_MAX_AGE, { email, codeId: id });
      return { sent: true as const };
    };

    /** Checks a typed code, counted first against the account and the address, then against the code. */
    const checkCode = async <Payload>(
      c: Context,
      purpose: "register" | "reset",
      state: CodeState,
      typed: string,
    ): Promise<{ refused: Response } | { checked: CodeCheck<Payload> }> => {
      const decision = await deps.throttle.reserve("code", attemptOf(c, state.email));
      if (!decision.allowed) return { refused: throttled("code", decision.retryAfterSeconds) };
      const checked = await deps.codes.check<Payload>(purpose, state.email, state.codeId, typed);
      if (checked.ok) await decision.succeeded();
      return { checked };
    };

    // ---- sign in ------------------------------------------------------------------------------------
    routes.get(
      "/authorize",
      handle(async (c) =>
        loginPage({
          notice: c.req.query("changed")
            ? { tone: "success", text: "Your password was changed. Sign in with the new one." }
            : undefined,
        }),
      ),
    );

    routes.post(
      "/authorize",
      handle(async (c) => {
        const field = await formOf(c);
        const email = normalizeEmail(field("email"));
        const password = field("password");
        if (!email || email.length > 254 || !password) {
          return loginPage({ email, notice: danger(copy.invalidPassword), status: 401 });
        }
        const decision = await deps.throttle.reserve("login", attemptOf(c, email));
        if (!decision.allowed) return throttled("login", decision.retryAfterSeconds);
        if (!(await deps.passwords.matches(email, password))) {
          return loginPage({ email, notice: danger(copy.invalidPassword), status: 401 });
        }
        await decision.succeeded();
        return ctx.success(c, { email });
      }),
    );

    // ---- create an account --------------------------------------------------------------------------
    routes.get(
      "/register",
      handle(async (c) => {
        await ctx.unset(c, "register");
        return registerPage({ step: "start" });
      }),
    );

    routes.post(
      "/register",
      handle(async (c) => {
        const field = await formOf(c);
        const action = field("action");

        if (action === "register") {
          const email = normalizeEmail(field("email"));
          const rawName = field("name");
          const start = { step: "start" as const, email, name: rawName };
          if (!Email.safeParse(email).success) return registerPage(start, danger(copy.invalidEmail), 400);
          // A blank name means "none chosen": the account is then named after the email.
          const name = rawName.trim() === "" ? undefined : rawName;
          const badName = name === undefined ? undefined : nameProblem(name);
          if (badName) return registerPage(start, danger(badName), 400);
          const badPassword = passwordProblem(field("password"), field("repeat"));
          if (badPassword) return registerPage(start, danger(badPassword), 400);
          if (await deps.passwords.exists(email)) return registerPage(start, danger(copy.emailTaken), 400);
          const registration: Registration = {
            passwordHash: await deps.passwords.hash(field("password")),
            name,
          };
          const sent = await sendCode(c, "register", email, registration, { mail: true });
          if (!sent.sent) return sent.response;
          return registerPage({ step: "code", email });
        }

        const state = await stateOf(c, "register");
        if (!state) return registerPage({ step: "start" }, danger(copy.expired), 400);

        if (action === "resend") {
          const pending = await deps.codes.current<Registration>("register", state.email, state.codeId);
          if (!pending) return registerPage({ step: "start", email: state.email }, danger(copy.expired), 400);
          const sent = await sendCode(c, "register", state.email, pending.payload, { mail: true });
          if (!sent.sent) return sent.response;
          return registerPage(
            { step: "code", email: state.email },
            { tone: "success", text: `A new code is on its way to ${state.email}.` },
          );
        }

        if (action === "verify") {
          const result = await checkCode<Registration>(c, "register", state, field("code"));
          if ("refused" in result) return result.refused;
          const { checked } = result;
          if (!checked.ok) {
            const text = checked.reason === "wrong" ? copy.wrongCode : copy.spentCode;
            return registerPage({ step: "code", email: state.email }, danger(text), 400);
          }
          // Exactly once, however many browsers send the right code at the same moment.
          if (!(await deps.codes.use("register", state.email, state.codeId, { requireVerified: false }))) {
            return registerPage({ step: "code", email: state.email }, danger(copy.spentCode), 400);
          }
          await ctx.unset(c, "register");
          if (await deps.passwords.exists(state.email)) {
            return registerPage({ step: "start", email: state.email }, danger(copy.emailTaken), 400);
          }
          const { passwordHash, name } = checked.code.payload;
          await deps.passwords.setHash(state.email, passwordHash);
          return ctx.success(c, { email: state.email, ...(name === undefined ? {} : { name }) });
        }

        return registerPage({ step: "start" }, danger(copy.expired), 400);
      }),
    );

    // ---- reset a password ---------------------------------------------------------------------------
    // Any `redirect_uri` in the query is ignored: a reset always ends on this issuer's sign-in form.
    routes.get(
      "/change",
      handle(async (c) => {
        await ctx.unset(c, "reset");
        return resetPage({ step: "start" });
      }),
    );

    routes.post(
      "/change",
      handle(async (c) => {
        const field = await formOf(c);
        const action = field("action");

        if (action === "code") {
          const email = normalizeEmail(field("email"));
          if (!Email.safeParse(email).success) {
            return resetPage({ step: "start", email }, danger(copy.invalidEmail), 400);
          }
          // Every email gets a code and the same answer (which emails have accounts stays private); only
          // an account's owner is mailed one.
          const sent = await sendCode(c, "reset", email, {}, { mail: await deps.passwords.exists(email) });
          if (!sent.sent) return sent.response;
          return resetPage({ step: "code", email });
        }

        const state = await stateOf(c, "reset");
        if (!state) return resetPage({ step: "start" }, danger(copy.expired), 400);

        if (action === "resend") {
          const sent = await sendCode(
            c,
            "reset",
            state.email,
            {},
            { mail: await deps.passwords.exists(state.email) },
          );
          if (!sent.sent) return sent.response;
          return resetPage(
            { step: "code", email: state.email },
            {
              tone: "success",
              text: `If ${state.email} has a Tiffin account, a new code is on its way to it.`,
            },
          );
        }

        if (action === "verify" && !state.verified) {
          const result = await checkCode(c, "reset", state, field("code"));
          if ("refused" in result) return result.refused;
          const { checked } = result;
          const verified = checked.ok && (await deps.codes.markVerified("reset", state.email, state.codeId));
          if (!verified) {
            const text = !checked.ok && checked.reason === "wrong" ? copy.wrongCode : copy.spentCode;
            return resetPage({ step: "code", email: state.email }, danger(text), 400);
          }
          await ctx.set<CodeState>(c, "reset", STATE_MAX_AGE, { ...state, verified: true });
          return resetPage({ step: "update" });
        }

        if (action === "update" && state.verified) {
          const password = field("password");
          const badPassword = passwordProblem(password, field("repeat"));
          if (badPassword) return resetPage({ step: "update" }, danger(badPassword), 400);
          // The code is spent here, once: a replayed form, or one for a code since replaced, changes nothing.
          if (!(await deps.codes.use("reset", state.email, state.codeId, { requireVerified: true }))) {
            await ctx.unset(c, "reset");
            return resetPage({ step: "start", email: state.email }, danger(copy.spentCode), 400);
          }
          await deps.passwords.set(state.email, password);
          await deps.codes.discard("reset", state.email);
          const account = await deps.accounts.byEmail(state.email);
          if (account) await deps.refreshTokens.revokeAll(account.id);
          await ctx.unset(c, "reset");
          return c.redirect("/password/authorize?changed=1", 302);
        }

        return resetPage({ step: "start" }, danger(copy.expired), 400);
      }),
    );
  },
});
