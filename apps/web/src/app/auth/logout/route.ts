import type { NextRequest } from "next/server";
import { webOrigins } from "@/auth/config";
import { clearSessionCookies } from "@/auth/cookies";
import { isSameOriginRequest, requestOrigin } from "@/auth/origin";
import { json, plain, redirectWithin } from "@/auth/responses";
import { safeNextPath } from "@/auth/safe-next";

/**
 * `POST /auth/logout`: forget the session on this browser. A form post (the header's "Sign out") is sent
 * on to its `next` field (same-site paths only); a fetch gets `{ ok: true }`. The cart (localStorage)
 * stays.
 */
export async function POST(request: NextRequest) {
  const origin = requestOrigin(request, webOrigins());
  if (!origin || !isSameOriginRequest(request, origin)) return plain("Cross-site request refused.", 403);

  const isForm = request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded");
  let next = "/";
  if (isForm) {
    const form = await request.formData().catch(() => undefined);
    const value = form?.get("next");
    next = safeNextPath(typeof value === "string" ? value : undefined);
  }
  const response = isForm ? redirectWithin(next) : json({ ok: true });
  clearSessionCookies(response);
  return response;
}
