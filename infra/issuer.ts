import { ISSUER_RESOURCE, services } from "../packages/aws/src/topology";
import { router } from "./router";
import { tables } from "./storage";

const { issuer: definition } = services.auth;

/**
 * The OpenAuth issuer (password login, registration, tokens) on its own Function URL; linked to every
 * service, which reads `Resource.Auth.url` to fetch the keys it verifies tokens with. Its code lives in
 * the auth service (packages/auth/src/handlers/issuer.ts).
 */
export const issuer = new sst.aws.Auth(ISSUER_RESOURCE, {
  issuer: {
    handler: `packages/auth/src/handlers/${definition.handler}.handler`,
    runtime: "nodejs24.x",
    memory: `${definition.memoryMb} MB`,
    concurrency: { reserved: definition.concurrency },
    link: [tables.AuthTable],
    permissions: [{ actions: ["ses:SendEmail"], resources: ["*"] }],
    // sst.aws.Auth also creates a table of its own (AuthStorage) and names it in OPENAUTH_STORAGE; the
    // issuer ignores that and keeps OpenAuth's records beside its accounts in AuthTable (see its wiring).
    environment: {
      TIFFIN_MAIL: "ses",
      // An SES-verified sender identity, set in the deploying shell.
      TIFFIN_MAIL_FROM: process.env.TIFFIN_MAIL_FROM ?? "Tiffin <no-reply@tiffin.example>",
      TIFFIN_WEB_ORIGINS: router.url,
    },
  },
});
