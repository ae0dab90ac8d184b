import type { NextRequest } from "next/server";
import { startSignIn } from "@/auth/start-sign-in";

/** `/auth/login?next=/checkout`: to the issuer's sign-in form, then back to `next`. */
export const GET = (request: NextRequest) => startSignIn(request, "login");
