import { WEB_CLIENT_ID } from "@tiffin/kit/session";
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { refusedClientPage } from "./pages";

/** The one path of the web app a code may be sent to (on one of its origins). */
export const WEB_CALLBACK_PATH = "/auth/callback";

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

/**
 * OpenAuth 0.4.3 redirects to whatever `provider` names (`provider=/evil.example` answers
 * `Location: //evil.example/authorize`) and answers a refused client by redirecting to the
 * redirect_uri it just refused. This guard, on `/authorize`, refuses anything but the one request the
 * web app makes, with a page, before OpenAuth sees it.
 */
export const authorizeGuard = (callbacks: ReadonlySet<string>): MiddlewareHandler => {
  const AuthorizeQuery = authorizeQuery(callbacks);
  return async (c, next) => {
    const query = AuthorizeQuery.safeParse(c.req.query());
    if (!query.success) return c.html(refusedClientPage(), 400);
    await next();
    if (query.data.prompt === "create" && c.res.headers.get("location") === "/password/authorize") {
      c.res.headers.set("location", "/password/register");
    }
  };
};
