/**
 * The Content-Security-Policy of every page. Scripts run only from this origin AND only when they carry
 * the request's nonce (`'strict-dynamic'` then trusts what those scripts load): Next's inline bootstrap
 * scripts get the nonce automatically when the policy is on the request. Inline `style="…"` attributes
 * (React style props, e.g. a restaurant's accent colour) are the one inline exception; stylesheets and
 * <style> elements still need 'self' or the nonce. Forms may post here and to the sign-in issuer only.
 * Images are same-origin (menu photos are served at /media/<key>, drawings at /illustrations/); scripts may
 * connect here and, on AWS, to the media bucket's origin (presigned photo uploads go straight to S3).
 */
export const contentSecurityPolicy = ({
  nonce,
  issuer,
  uploads,
  dev = false,
  https = false,
}: {
  nonce: string;
  /** The OpenAuth issuer's origin, when configured. */
  issuer?: string;
  /** Where staff's photo uploads are posted, when not this origin (the media bucket on AWS). */
  uploads?: string;
  /** `next dev` needs eval (React's debugging) and inline styles (hot reload). */
  dev?: boolean;
  https?: boolean;
}): string =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${uploads ? ` ${uploads}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${issuer ? ` ${issuer}` : ""}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

/** 128 random bits, base64: unguessable and fresh for every response. */
export const newNonce = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
};
