/** Where to go after signing in or out when nothing (valid) was asked for. */
export const DEFAULT_NEXT = "/";
const MAX_LENGTH = 512;
const BASE = "https://tiffin.invalid";

/**
 * A same-origin, relative destination for a redirect, or `/` when `next` is missing or unsafe. Open
 * redirects are refused: absolute and protocol-relative URLs (`//evil`, `/\evil`, `https:…`), control
 * characters, and the auth endpoints themselves (a redirect loop, or a GET that signs you out).
 */
export const safeNextPath = (next: string | null | undefined): string => {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_LENGTH) return DEFAULT_NEXT;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return DEFAULT_NEXT;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(next)) return DEFAULT_NEXT;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return DEFAULT_NEXT;
  }
  if (url.origin !== BASE) return DEFAULT_NEXT;
  if (url.pathname === "/auth" || url.pathname.startsWith("/auth/")) return DEFAULT_NEXT;
  return `${url.pathname}${url.search}${url.hash}`;
};

/** `/signin?next=…` for a page that needs an account. */
export const signInPath = (next: string): string => {
  const safe = safeNextPath(next);
  return safe === DEFAULT_NEXT ? "/signin" : `/signin?next=${encodeURIComponent(safe)}`;
};
