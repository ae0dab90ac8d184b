import { NextResponse } from "next/server";
import type { SignInProblem } from "./flow";

const NO_STORE = { "cache-control": "no-store" };

/** A redirect within this site. Relative, so a forged Host header can never send anyone elsewhere. */
export const redirectWithin = (path: string): NextResponse =>
  new NextResponse(null, { status: 303, headers: { location: path, ...NO_STORE } });

/** A redirect to the issuer (the only absolute destination the auth routes ever use). */
export const redirectTo = (url: string): NextResponse =>
  new NextResponse(null, { status: 302, headers: { location: url, ...NO_STORE } });

export const json = (body: unknown, status = 200): NextResponse =>
  NextResponse.json(body, { status, headers: NO_STORE });

export const plain = (message: string, status: number): NextResponse =>
  new NextResponse(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", ...NO_STORE },
  });

/** Back to the sign-in page with a reason it can explain, keeping where the person was going. */
export const backToSignIn = (problem: SignInProblem, next: string): NextResponse => {
  const params = new URLSearchParams({ error: problem });
  if (next !== "/") params.set("next", next);
  return redirectWithin(`/signin?${params}`);
};
