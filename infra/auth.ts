import { defineService } from "./service";

/** Accounts and roles: the `me` API (the issuer itself is infra/issuer.ts). */
export const auth = defineService("auth");
