/**
 * The web session's facts, shared by the issuer (which signs tokens for the web client and sends codes
 * back only to the web app's origins), the services (which require the client as audience) and the web
 * app (which keeps the tokens in cookies). No jose, no OpenAuth: plain values and one parser. Not for the
 * browser's own code all the same: it names the refresh cookie, which the page never needs to know.
 */

/** The web app's OAuth client id; also the access token's audience every service requires. */
export const WEB_CLIENT_ID = "tiffin-web";
export const ACCESS_COOKIE = "tiffin_access";
export const REFRESH_COOKIE = "tiffin_refresh";

/**
 * How long the issuer's tokens last, in seconds: an access token 15 minutes (so a changed role or a
 * revoked session takes effect that soon), a refresh token 30 days. The web's cookies last as long.
 */
export const TOKEN_LIFETIME_SECONDS = { access: 15 * 60, refresh: 30 * 24 * 60 * 60 } as const;

/** The origin of an absolute http(s) URL (`https://tiffin.example/x` → `https://tiffin.example`), else undefined. */
export const httpOrigin = (value: string): string | undefined => {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * `TIFFIN_WEB_ORIGINS`, the origins the web app is reached on: entries separated by commas or white
 * space, each an http(s) URL whose origin is kept. What is not such a URL is returned in `invalid`, for
 * the caller to refuse (the issuer does, at start) or pass over.
 */
export const parseWebOrigins = (value: string | undefined): { origins: string[]; invalid: string[] } => {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const entry of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const origin = httpOrigin(entry);
    if (origin === undefined) invalid.push(entry);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, invalid };
};
