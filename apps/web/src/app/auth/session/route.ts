import type { NextRequest } from "next/server";
import { verifyAccessToken } from "@/auth/config";
import { ACCESS_COOKIE, REFRESH_COOKIE } from "@/auth/cookies";
import { json } from "@/auth/responses";

/**
 * `GET /auth/session`: who is signed in, from the access cookie, verified like the services verify it.
 * `{ actor }`, or `{ actor: null, renewable }` where `renewable` says a refresh cookie is present (the
 * browser then calls `POST /auth/refresh`; a GET never changes cookies).
 */
export async function GET(request: NextRequest) {
  const renewable = Boolean(request.cookies.get(REFRESH_COOKIE)?.value);
  const access = request.cookies.get(ACCESS_COOKIE)?.value;
  if (!access) return json({ actor: null, renewable });
  try {
    return json({ actor: await verifyAccessToken(access) });
  } catch {
    return json({ actor: null, renewable });
  }
}
