import type { Context } from "hono";

/**
 * Hardening for every HTML answer of the issuer (OpenAuth's pages and ours): no remote assets, a
 * language, no framing, forms post only to the issuer itself and the web app's origins.
 */
export const hardenPages =
  (formTargets: readonly string[]) => async (c: Context, next: () => Promise<void>) => {
    await next();
    if (!c.res.headers.get("content-type")?.startsWith("text/html")) return;
    const body = (await c.res.text())
      // OpenAuth's base stylesheet imports a CSS reset from a CDN; the theme carries its own.
      .replace(/@import url\((["'])https?:\/\/[^)]*\1\);?/g, "")
      .replace(/<html(?![^>]*\blang=)/, '<html lang="en"')
      // OpenAuth's logo images carry no alt text; the page title already names Tiffin, so they are decorative.
      .replace(/<img(?![^>]*\balt=)/g, '<img alt=""');
    c.res = new Response(body, c.res);
    c.header(
      "content-security-policy",
      [
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        "img-src data:",
        // The login form posts here and is then redirected to the web app.
        `form-action 'self' ${formTargets.join(" ")}`,
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ].join("; "),
    );
    c.header("cache-control", "no-store");
  };
