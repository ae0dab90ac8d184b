/**
 * The issuer's own pages (the sign-in forms themselves are OpenAuth's PasswordUI, themed in theme.ts).
 * Plain HTML, no scripts, no remote fonts or images; every interpolated value is escaped.
 */
import { type ThrottledAction, waitInWords } from "../domain/throttle";

export const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

/** A whole page in the issuer's look; `body` is HTML (escape what goes into it). */
export const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Tiffin</title>
<style>
  :root { color-scheme: light dark; --accent: #c2410c; }
  body { margin: 0; font: 16px/1.5 ui-sans-serif, system-ui, sans-serif; background: #fffaf5; color: #1c1410; }
  main { max-width: 46rem; margin: 0 auto; padding: 2rem 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
  a { color: var(--accent); }
  article { border: 1px solid #e7d8c9; border-radius: 0.5rem; padding: 1rem; margin: 0 0 1rem; background: #fff; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 0.75rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  pre { white-space: pre-wrap; margin: 0; font: inherit; }
  @media (prefers-color-scheme: dark) {
    :root { --accent: #fb923c; }
    body { background: #1c1410; color: #fdf3ea; }
    article { background: #2a1f19; border-color: #4a3a30; }
  }
</style>
</head>
<body><main>${body}</main></body>
</html>`;

const throttledCopy: Record<ThrottledAction, { title: string; why: string; next: string }> = {
  login: {
    title: "Too many sign-in attempts",
    why: "For your security, signing in to this account (or from this address) is paused after several attempts that did not work.",
    next: 'Forgot your password? After the wait, choose <a href="/password/change">Forgot password?</a> to set a new one.',
  },
  code: {
    title: "Too many code attempts",
    why: "For your security, entering codes for this email (or from this address) is paused after several codes that were not right.",
    next: "After the wait, ask for a new code and enter the one in the latest email from Tiffin.",
  },
  mail: {
    title: "Too many codes sent",
    why: "We have already sent several codes to this email (or for this address) in the last few minutes.",
    next: "Check your inbox (and spam folder) for the latest one, or ask again after the wait.",
  },
};

export const throttledPage = (action: ThrottledAction, retryAfterSeconds: number) => {
  const text = throttledCopy[action];
  return page(
    text.title,
    `<h1>${escapeHtml(text.title)}</h1>
<p role="alert">${escapeHtml(text.why)} Please wait ${escapeHtml(waitInWords(retryAfterSeconds))} and try again.</p>
<p>${text.next}</p>`,
  );
};

export const expiredPage = () =>
  page(
    "Sign-in expired",
    `<h1>This sign-in page has expired</h1>
<p>Sign-in pages are valid for a day, and only in the browser that opened them.
Go back to Tiffin and choose <strong>Sign in</strong> again.</p>`,
  );

export const refusedClientPage = () =>
  page(
    "Sign-in link not valid",
    `<h1>This sign-in link is not valid</h1>
<p>It was not made by the Tiffin website, or it points somewhere Tiffin does not send people after
signing in, or it asks for something Tiffin does not do. Open Tiffin and choose <strong>Sign in</strong>
from there.</p>`,
  );

export const disabledAccountPage = () =>
  page(
    "Account disabled",
    `<h1>This account can't sign in</h1>
<p>Tiffin has disabled this account. If you think that is a mistake, contact Tiffin support.</p>`,
  );
