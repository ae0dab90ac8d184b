const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i;

const firstValue = (value: string | null): string | undefined => value?.split(",")[0]?.trim() || undefined;

/**
 * The origin the browser used to reach the web app. Behind the local router (and CloudFront) Next sees
 * its own address, so the forwarded host and protocol win. Because those headers come from the client in
 * the end, the result must be one of `allowed` when that list is configured (TIFFIN_WEB_ORIGINS); it is
 * undefined when the host is malformed or not allowed.
 */
export const requestOrigin = (
  request: { url: string; headers: Headers },
  allowed: readonly string[] = [],
): string | undefined => {
  const own = new URL(request.url);
  const proto = firstValue(request.headers.get("x-forwarded-proto"))?.toLowerCase();
  const scheme = proto === "http" || proto === "https" ? proto : own.protocol.slice(0, -1);
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? request.headers.get("host") ?? own.host;
  if (!HOST.test(host)) return undefined;
  let origin: string;
  try {
    origin = new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
  if (allowed.length > 0 && !allowed.includes(origin)) return undefined;
  return origin;
};

/**
 * A state-changing request (sign out, refresh) must come from a page of this site: browsers send `Origin`
 * on every POST, so a cross-site form or fetch is told apart from our own.
 */
export const isSameOriginRequest = (request: { headers: Headers }, origin: string): boolean => {
  const sent = request.headers.get("origin");
  if (sent) return sent === origin;
  return request.headers.get("sec-fetch-site") === "same-origin";
};
