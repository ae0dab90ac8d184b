/**
 * The password forms (sign in, create an account, reset a password), in OpenAuth's themed layout so they
 * look like the rest of the issuer. Every field has a visible label; every value is escaped by `html`.
 * Links are relative to `/password/…`, where the provider serves them.
 */
import { Layout } from "@openauthjs/openauth/ui/base";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Fragment = HtmlEscapedString | Promise<HtmlEscapedString>;

export const copy = {
  invalidEmail: "Email: enter a valid email address.",
  invalidPassword: "That email and password don't match. Check both and try again.",
  passwordMissing: "Password: choose a password.",
  passwordLength: "Password: use 8 to 200 characters.",
  passwordMismatch: "Repeat password: the two passwords don't match.",
  emailTaken: "There is already an account with this email. Sign in instead.",
  wrongCode: "That code is not right. Check the latest email from Tiffin.",
  spentCode:
    "This code can no longer be used: it expired, a newer one was sent, or it was tried too often. Ask for a new code.",
  expired: "This page has expired. Please start again.",
} as const;

export interface Notice {
  tone: "danger" | "success";
  text: string;
}

const alert = (notice: Notice | undefined) =>
  notice
    ? html`<div data-component="form-alert" data-color="${notice.tone}" role="${notice.tone === "danger" ? "alert" : "status"}"><span data-slot="message">${notice.text}</span></div>`
    : "";

const field = (opts: {
  label: string;
  name: string;
  type?: string;
  value?: string;
  autocomplete?: string;
  required?: boolean;
  autofocus?: boolean;
  /** Constant attributes written as they are (never a value from a request). */
  extra?: string;
}) =>
  html`<label data-component="label">${opts.label}<input data-component="input" name="${opts.name}" type="${opts.type ?? "text"}"${opts.value !== undefined ? html` value="${opts.value}"` : ""}${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ""}${opts.required === false ? "" : html` required`}${opts.autofocus ? html` autofocus` : ""}${opts.extra ? raw(` ${opts.extra}`) : ""}></label>`;

const codeField = () =>
  field({
    label: "6-digit code",
    name: "code",
    autocomplete: "one-time-code",
    autofocus: true,
    extra: 'inputmode="numeric" minlength="6" maxlength="6" pattern="[0-9]{6}"',
  });

const form = (action: string, children: Fragment | string, notice?: Notice) =>
  html`<form data-component="form" method="post" accept-charset="utf-8">${alert(notice)}<input type="hidden" name="action" value="${action}">${children}<button data-component="button">Continue</button></form>`;

const page = async (children: Fragment, status: number) => {
  const body = await Layout({ children }).toString();
  return new Response(String(body), { status, headers: { "content-type": "text/html; charset=utf-8" } });
};

export const loginPage = (opts: { email?: string; notice?: Notice; status?: number }) =>
  page(
    html`${form(
      "login",
      html`${field({ label: "Email", name: "email", type: "email", value: opts.email, autocomplete: "email", autofocus: !opts.email })}${field({ label: "Password", name: "password", type: "password", autocomplete: "current-password", autofocus: Boolean(opts.email) })}`,
      opts.notice,
    )}<div data-component="form-footer"><span>New to Tiffin? <a data-component="link" href="register">Create an account</a></span><a data-component="link" href="change">Forgot password?</a></div>`,
    opts.status ?? 200,
  );

export type RegisterStep = { step: "start"; email?: string; name?: string } | { step: "code"; email: string };

export const registerPage = (state: RegisterStep, notice?: Notice, status = 200) =>
  page(
    state.step === "start"
      ? html`${form(
          "register",
          html`${field({ label: "Email", name: "email", type: "email", value: state.email, autocomplete: "email", autofocus: true })}${field({ label: "Your name (optional)", name: "name", value: state.name, autocomplete: "name", required: false, extra: 'maxlength="1000"' })}${field({ label: "Password", name: "password", type: "password", autocomplete: "new-password", extra: 'minlength="8" maxlength="200"' })}${field({ label: "Repeat password", name: "repeat", type: "password", autocomplete: "new-password" })}`,
          notice,
        )}<div data-component="form-footer"><span>Already have an account? <a data-component="link" href="authorize">Sign in</a></span></div>`
      : html`${form("verify", codeField(), notice ?? { tone: "success", text: `We sent a 6-digit code to ${state.email}.` })}${resend()}`,
    status,
  );

export type ResetStep =
  | { step: "start"; email?: string }
  | { step: "code"; email: string }
  | { step: "update" };

export const resetPage = (state: ResetStep, notice?: Notice, status = 200) =>
  page(
    state.step === "start"
      ? html`${form(
          "code",
          field({
            label: "Email",
            name: "email",
            type: "email",
            value: state.email,
            autocomplete: "email",
            autofocus: true,
          }),
          notice,
        )}<div data-component="form-footer"><span>Back to <a data-component="link" href="authorize">sign in</a></span></div>`
      : state.step === "code"
        ? html`${form(
            "verify",
            codeField(),
            notice ?? {
              tone: "success",
              text: `If ${state.email} has a Tiffin account, a 6-digit code is on its way to it.`,
            },
          )}${resend()}`
        : form(
            "update",
            html`${field({ label: "New password", name: "password", type: "password", autocomplete: "new-password", autofocus: true, extra: 'minlength="8" maxlength="200"' })}${field({ label: "Repeat password", name: "repeat", type: "password", autocomplete: "new-password" })}`,
            notice,
          ),
    status,
  );

const resend = () =>
  html`<form method="post" accept-charset="utf-8"><input type="hidden" name="action" value="resend"><div data-component="form-footer"><span>Back to <a data-component="link" href="authorize">sign in</a></span><button data-component="link">Send a new code</button></div></form>`;
