import "server-only";
import { httpOrigin, parseWebOrigins } from "@tiffin/kit/session";

/**
 * Server-side auth settings, read from the environment at request time (never at build time, never sent
 * to the browser): `TIFFIN_AUTH_ISSUER` (the OpenAuth issuer), `TIFFIN_WEB_ORIGINS` (the origins this site
 * may be reached on; sign-in redirect URIs are built only for those) and `TIFFIN_SHOW_DEMO_ACCOUNTS`.
 */
export const issuerOrigin = (): string | undefined => httpOrigin(process.env.TIFFIN_AUTH_ISSUER ?? "");

/** Entries that aren't origins are passed over here; the issuer, given the same list, refuses to start. */
export const webOrigins = (): string[] => parseWebOrigins(process.env.TIFFIN_WEB_ORIGINS).origins;

/** Local mode lists the demo accounts (and their shared password) on the sign-in page. */
export const showDemoAccounts = (): boolean => process.env.TIFFIN_SHOW_DEMO_ACCOUNTS === "1";

/** The media bucket's origin on AWS (`TIFFIN_MEDIA_UPLOAD_ORIGIN`): staff's photo uploads are posted there. */
export const mediaUploadOrigin = (): string | undefined =>
  httpOrigin(process.env.TIFFIN_MEDIA_UPLOAD_ORIGIN ?? "");
