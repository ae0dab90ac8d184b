import { ISSUER_RESOURCE, services } from "../packages/aws/src/topology";
import { router } from "./router";
import { tables } from "./storage";

const { issuer: definition } = services.auth;

// An SES-verified sender, set in the deploying shell. The issuer may send as that identity only:
// TIFFIN_SES_IDENTITY names the verified identity (a domain or an address), by default the sender's domain.
const mailFrom = process.env.TIFFIN_MAIL_FROM ?? "Tiffin <no-reply@tiffin.example>";
const senderAddress = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
const sesIdentity =
  process.env.TIFFIN_SES_IDENTITY ?? senderAddress.slice(senderAddress.lastIndexOf("@") + 1);
const sesIdentityArn = $interpolate`arn:aws:ses:${aws.getRegionOutput().region}:${aws.getCallerIdentityOutput().accountId}:identity/${sesIdentity}`;

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
    link: definition.links.map((name) => tables[name]),
    permissions: [{ actions: ["ses:SendEmail"], resources: [sesIdentityArn] }],
    // sst.aws.Auth also creates a table of its own (AuthStorage) and names it in OPENAUTH_STORAGE; the
    // issuer ignores that and keeps OpenAuth's records beside its accounts in AuthTable (see its wiring).
    environment: {
      TIFFIN_MAIL: "ses",
      TIFFIN_MAIL_FROM: mailFrom,
      TIFFIN_WEB_ORIGINS: router.url,
    },
  },
});
