import { serviceNames } from "../packages/aws/src/topology";
import { issuer } from "./issuer";
import { router } from "./router";
import { services } from "./services";

/*
 * The web app and every service's API on one origin (the Router). The issuer keeps its own URL: OpenAuth
 * serves its routes at the root, and its issuer claim is its origin.
 */
for (const service of serviceNames) {
  // tRPC's Lambda adapter takes the procedure from the raw path, so the mount prefix must be stripped.
  router.route(`/trpc/${service}`, services[service].api.url, {
    rewrite: { regex: `^/trpc/${service}/(.*)$`, to: "/$1" },
  });
}

export const web = new sst.aws.Nextjs("Web", {
  path: "apps/web",
  router: { instance: router },
  link: [issuer],
  // Read by the web app's server side: where to send people to sign in, and which origins are its own.
  environment: { TIFFIN_AUTH_ISSUER: issuer.url, TIFFIN_WEB_ORIGINS: router.url },
});
