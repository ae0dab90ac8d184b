/**
 * Local mode's dev mailbox: every message Tiffin would have emailed, newest first, as a page for people
 * (`/dev/mailbox`) and as JSON for tests (`/dev/mailbox.json?to=<email>`). Never mounted in AWS (the
 * issuer's env refuses TIFFIN_MAIL=mailbox in Lambda), since it shows every code to anyone who asks.
 */
import { Hono } from "hono";
import { normalizeEmail } from "../domain/accounts";
import type { MailboxReader, StoredMail } from "../domain/ports";
import { escapeHtml, page } from "./pages";

const MAILBOX_LIMIT = 100;

export const mailboxPage = (messages: StoredMail[], to: string | undefined) =>
  page(
    "Dev mailbox",
    `<h1>Dev mailbox</h1>
<p>Local mode sends no real email: every message Tiffin would send (registration and password-reset
codes) lands here, newest first${to ? `, only those to <strong>${escapeHtml(to)}</strong> (<a href="/dev/mailbox">show all</a>)` : ""}.
Reload the page to see new ones. For tests: <a href="/dev/mailbox.json">/dev/mailbox.json?to=&lt;email&gt;</a>.</p>
${
  messages.length === 0
    ? "<p><strong>No messages yet.</strong></p>"
    : messages
        .map(
          (m) => `<article>
<h2>${escapeHtml(m.subject)}</h2>
<dl>
<dt>To</dt><dd>${escapeHtml(m.to)}</dd>
<dt>Sent</dt><dd><time datetime="${escapeHtml(m.sentAt)}">${escapeHtml(m.sentAt.replace("T", " ").slice(0, 19))} UTC</time></dd>
</dl>
<pre>${escapeHtml(m.text)}</pre>
</article>`,
        )
        .join("\n")
}`,
  );

export const devMailboxRoutes = (mailbox: MailboxReader) => {
  const recipient = (to: string | undefined) => (to ? normalizeEmail(to) : undefined);
  return new Hono()
    .get("/dev/mailbox", async (c) => {
      const to = recipient(c.req.query("to"));
      return c.html(mailboxPage(await mailbox.list({ to, limit: MAILBOX_LIMIT }), to));
    })
    .get("/dev/mailbox.json", async (c) => {
      const to = recipient(c.req.query("to"));
      c.header("cache-control", "no-store");
      return c.json({ messages: await mailbox.list({ to, limit: MAILBOX_LIMIT }) });
    });
};
