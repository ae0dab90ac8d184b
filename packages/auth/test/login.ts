/**
 * Programmatic sign-in through the real issuer, the way a browser does it: /authorize, the password
 * form (cookies kept), the redirect back with a code, and the code exchange (with PKCE, like the web
 * app). For tests against a running issuer (local stack) or an in-process one (`fetch` option).
 */
import { createHash, randomBytes } from "node:crypto";
import { WEB_CLIENT_ID } from "@tiffin/kit/session";

export interface SignInOptions {
  /** The issuer's origin, e.g. http://127.0.0.1:3020. */
  issuer: string;
  email: string;
  password: string;
  /** Where the issuer sends the code; its origin must be one of the issuer's TIFFIN_WEB_ORIGINS. */
  redirectUri: string;
  /** Defaults to the global fetch; pass `app.fetch`-backed one to talk to an in-process issuer. */
  fetch?: typeof fetch;
  /** Sent as `x-forwarded-for` (the throttle's client address outside Lambda). */
  clientAddress?: string;
}

export interface Tokens {
  access: string;
  refresh: string;
}

export class SignInError extends Error {
  override name = "SignInError";
  constructor(
    message: string,
    /** The last answer the issuer gave (status and, for HTML or text, the body). */
    readonly response: { status: number; body: string },
  ) {
    super(message);
  }
}

/** A cookie jar just big enough for the issuer: name=value pairs, one origin, no attributes. */
class CookieJar {
  constructor(private readonly cookies = new Map<string, string>()) {}
  copy() {
    return new CookieJar(new Map(this.cookies));
  }
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** A browser-like session with the issuer: keeps its cookies, never follows redirects on its own. */
export interface IssuerSession {
  request: (
    path: string,
    init?: { method?: string; form?: Record<string, string>; rawForm?: string; from?: string },
  ) => Promise<Response>;
  /** Another browser holding a copy of this one's cookies as they are now (to replay its state). */
  fork: (clientAddress?: string) => IssuerSession;
}

export const issuerSession = (
  opts: Pick<SignInOptions, "issuer" | "fetch" | "clientAddress">,
  jar = new CookieJar(),
): IssuerSession => {
  const doFetch = opts.fetch ?? fetch;
  const request = async (
    path: string,
    init: {
      method?: string;
      form?: Record<string, string>;
      /** A form body exactly as given (already URL-encoded), e.g. to send bytes that are not UTF-8. */
      rawForm?: string;
      /** Another client address for this one request (the same cookies, replayed from elsewhere). */
      from?: string;
    } = {},
  ) => {
    const url = new URL(path, opts.issuer);
    const headers: Record<string, string> = {};
    if (jar.header()) headers.cookie = jar.header();
    const address = init.from ?? opts.clientAddress;
    if (address) headers["x-forwarded-for"] = address;
    const body = init.rawForm ?? (init.form ? new URLSearchParams(init.form).toString() : undefined);
    if (body !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await doFetch(url, {
      method: init.method ?? (body !== undefined ? "POST" : "GET"),
      headers,
      body,
      redirect: "manual",
    });
    jar.store(response);
    return response;
  };
  const fork = (clientAddress = opts.clientAddress) => issuerSession({ ...opts, clientAddress }, jar.copy());
  return { request, fork };
};

const failure = async (message: string, response: Response) =>
  new SignInError(message, { status: response.status, body: await response.text() });

const pkce = () => {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
};

/**
 * The query of an authorization request exactly as the web app sends it (code + PKCE S256, the password
 * provider, `prompt=create` for registration), with a fresh state and verifier.
 */
export const authorizationRequest = (redirectUri: string, screen: "login" | "register" = "login") => {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString("hex");
  const query = new URLSearchParams({
    client_id: WEB_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: "code",
    provider: "password",
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...(screen === "register" ? { prompt: "create" } : {}),
  });
  return { query, verifier, state };
};

/** Starts an authorization (as the web app's /auth/login does); the issuer remembers it in a cookie. */
export const authorize = async (
  opts: SignInOptions,
  s: IssuerSession,
  screen: "login" | "register" = "login",
) => {
  const { query, verifier, state } = authorizationRequest(opts.redirectUri, screen);
  const started = await s.request(`/authorize?${query}`);
  if (started.status !== 302) throw await failure("the issuer refused the authorization request", started);
  return { verifier, state, next: started.headers.get("location") ?? "/password/authorize" };
};

/** Exchanges the redirect back to the web app (`?code=…`) for tokens. */
export const exchange = async (
  opts: SignInOptions,
  redirected: Response,
  flow: { verifier: string; state: string },
): Promise<Tokens> => {
  const location = redirected.headers.get("location");
  const back = location ? new URL(location, opts.issuer) : undefined;
  const code = back?.searchParams.get("code");
  if (redirected.status !== 302 || !back || !code) {
    throw await failure(
      `sign-in failed (${back?.searchParams.get("error") ?? redirected.status})`,
      redirected,
    );
  }
  const expected = new URL(opts.redirectUri);
  if (`${back.origin}${back.pathname}` !== `${expected.origin}${expected.pathname}`) {
    throw await failure(`the issuer redirected to ${back.href}, not to ${opts.redirectUri}`, redirected);
  }
  if (back.searchParams.get("state") !== flow.state) {
    throw await failure("the issuer returned another state", redirected);
  }
  const token = await (opts.fetch ?? fetch)(new URL("/token", opts.issuer), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: opts.redirectUri,
      client_id: WEB_CLIENT_ID,
      code_verifier: flow.verifier,
    }).toString(),
  });
  const body = (await token.json()) as { access_token?: string; refresh_token?: string; error?: string };
  if (!token.ok || !body.access_token || !body.refresh_token) {
    throw new SignInError(`code exchange failed (${body.error ?? token.status})`, {
      status: token.status,
      body: JSON.stringify(body),
    });
  }
  return { access: body.access_token, refresh: body.refresh_token };
};

/** Signs in with email and password; throws SignInError (with the issuer's answer) when refused. */
export const loginWithPassword = async (opts: SignInOptions): Promise<Tokens> => {
  const s = issuerSession(opts);
  const flow = await authorize(opts, s);
  const form = await s.request(flow.next);
  if (form.status !== 200) throw await failure("the password form did not load", form);
  const submitted = await s.request("/password/authorize", {
    form: { email: opts.email, password: opts.password },
  });
  return exchange(opts, submitted, flow);
};

/** The newest code the dev mailbox holds for `email` (local mode only), or undefined. */
export const codeFromDevMailbox = async (opts: {
  issuer: string;
  email: string;
  fetch?: typeof fetch;
}): Promise<string | undefined> => {
  const url = new URL(`/dev/mailbox.json?to=${encodeURIComponent(opts.email)}`, opts.issuer);
  const res = await (opts.fetch ?? fetch)(url);
  if (!res.ok) throw new Error(`the dev mailbox answered ${res.status} (is the issuer in local mode?)`);
  const { messages } = (await res.json()) as { messages: { text: string }[] };
  return messages[0]?.text.match(/\b(\d{6})\b/)?.[1];
};

/**
 * Registers a new customer (local mode: the verification code is read from the dev mailbox) and returns
 * the tokens the registration signs them in with.
 */
export const registerCustomer = async (opts: SignInOptions & { name?: string }): Promise<Tokens> => {
  const s = issuerSession(opts);
  const flow = await authorize(opts, s, "register");
  if (flow.next !== "/password/register") {
    throw new SignInError(`registration opened ${flow.next}, not /password/register`, {
      status: 302,
      body: "",
    });
  }
  const start = await s.request(flow.next);
  if (start.status !== 200) throw await failure("the registration form did not load", start);
  const registered = await s.request("/password/register", {
    form: {
      action: "register",
      email: opts.email,
      name: opts.name ?? "",
      password: opts.password,
      repeat: opts.password,
    },
  });
  if (registered.status !== 200) throw await failure("the registration was refused", registered);
  const code = await codeFromDevMailbox({ issuer: opts.issuer, email: opts.email, fetch: opts.fetch });
  if (!code) throw await failure(`no code reached the dev mailbox for ${opts.email}`, registered);
  const verified = await s.request("/password/register", { form: { action: "verify", code } });
  return exchange(opts, verified, flow);
};
