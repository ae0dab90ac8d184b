import { ACCESS_COOKIE, REFRESH_COOKIE, TOKEN_LIFETIME_SECONDS } from "@tiffin/kit/session";
import type { NextResponse } from "next/server";

/** The sign-in attempt in progress (state + PKCE verifier); only `/auth/callback` ever reads it. */
export const FLOW_COOKIE = "tiffin_auth_flow";
const FLOW_PATH = "/auth/callback";
const FLOW_MAX_AGE = 10 * 60;

/** The refresh token goes only to `/auth/*` (refresh, session, sign-out), never to the services. */
const REFRESH_PATH = "/auth";

/**
 * HttpOnly (no script can read a token), Secure (browsers accept that on http://127.0.0.1 and localhost,
 * so local mode works), SameSite=Lax (sent on same-site requests and top-level navigations only).
 */
const base = { httpOnly: true, secure: true, sameSite: "lax" } as const;

/** A cookie lasts as long as its token: an expired access token is worthless, the link then refreshes. */
const accessMaxAge = (expiresIn: number | undefined) =>
  typeof expiresIn === "number" && Number.isFinite(expiresIn) && expiresIn > 0
    ? Math.min(Math.floor(expiresIn), 24 * 60 * 60)
    : TOKEN_LIFETIME_SECONDS.access;

export const setSessionCookies = (
  response: NextResponse,
  tokens: { access: string; refresh: string; expiresIn?: number },
) => {
  response.cookies.set({
    name: ACCESS_COOKIE,
    value: tokens.access,
    ...base,
    path: "/",
    maxAge: accessMaxAge(tokens.expiresIn),
  });
  response.cookies.set({
    name: REFRESH_COOKIE,
    value: tokens.refresh,
    ...base,
    path: REFRESH_PATH,
    // As long as the refresh token itself: past that the issuer refuses it anyway.
    maxAge: TOKEN_LIFETIME_SECONDS.refresh,
  });
};

export const clearSessionCookies = (response: NextResponse) => {
  response.cookies.set({ name: ACCESS_COOKIE, value: "", ...base, path: "/", maxAge: 0 });
  response.cookies.set({ name: REFRESH_COOKIE, value: "", ...base, path: REFRESH_PATH, maxAge: 0 });
};

export const setFlowCookie = (response: NextResponse, value: string) => {
  response.cookies.set({ name: FLOW_COOKIE, value, ...base, path: FLOW_PATH, maxAge: FLOW_MAX_AGE });
};

export const clearFlowCookie = (response: NextResponse) => {
  response.cookies.set({ name: FLOW_COOKIE, value: "", ...base, path: FLOW_PATH, maxAge: 0 });
};

export { ACCESS_COOKIE, REFRESH_COOKIE };
