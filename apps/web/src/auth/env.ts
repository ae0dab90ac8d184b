import "server-only";
import { parseOrigins } from "./origin";

/**
 * Server-side auth settings, read from the environment at request time (never at build time, never sent
 * to the browser): `TIFFIN_AUTH_ISSUER` (the OpenAuth issuer), `TIFFIN_WEB_ORIGINS` (the origins this site
 * may be reached on; sign-in redirect URIs are built only for those) and `TIFFIN_SHOW_DEMO_ACCOUNTS`.
 */
export const issuerOrigin = (): string | undefined => {
  const raw = process.env.TIFFIN_AUTH_ISSUER;
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
};

export const webOrigins = (): string[] => parseOrigins(process.env.TIFFIN_WEB_ORIGINS);

/** Local mode lists the demo accounts (and their shared password) on the sign-in page. */
export const showDemoAccounts = (): boolean => process.env.TIFFIN_SHOW_DEMO_ACCOUNTS === "1";
