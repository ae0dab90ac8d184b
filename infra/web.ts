import { type ServiceName, serviceNames } from "../packages/aws/src/topology";
import { orders } from "./orders";
import { restaurants } from "./restaurants";

const apis: Record<ServiceName, sst.aws.Function> = { orders: orders.api, restaurants: restaurants.api };

/** One CloudFront distribution: the web app and every service's API on the same origin. */
export const router = new sst.aws.Router("Router");

for (const service of serviceNames) {
  // tRPC's Lambda adapter takes the procedure from the raw path, so the mount prefix must be stripped.
  router.route(`/trpc/${service}`, apis[service].url, {
    rewrite: { regex: `^/trpc/${service}/(.*)$`, to: "/$1" },
  });
}

export const web = new sst.aws.Nextjs("Web", { path: "apps/web", router: { instance: router } });
