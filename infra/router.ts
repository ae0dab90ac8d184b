/**
 * One CloudFront distribution in front of everything browser-facing. Created on its own, first, because
 * the issuer needs its URL (the only origin allowed to receive sign-in codes) before the services and
 * the web app are mounted on it (infra/web.ts).
 */
export const router = new sst.aws.Router("Router");
