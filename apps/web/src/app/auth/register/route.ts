import type { NextRequest } from "next/server";
import { startSignIn } from "@/auth/start-sign-in";

/** `/auth/register?next=/checkout`: to the issuer's registration form, then back to `next`. */
export const GET = (request: NextRequest) => startSignIn(request, "register");
