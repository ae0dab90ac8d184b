import { type BucketName, buckets as bucketTopology, serviceNames } from "../packages/aws/src/topology";
import { issuer } from "./issuer";
import { router } from "./router";
import { services } from "./services";
import { buckets } from "./storage";

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

// Menu photos at /media/<key>: the object `<key>` of the bucket (the prefix stripped), cached by CloudFront.
for (const name of Object.keys(bucketTopology) as BucketName[]) {
  const { servedAt } = bucketTopology[name];
  router.routeBucket(servedAt, buckets[name], { rewrite: { regex: `^${servedAt}/(.*)$`, to: "/$1" } });
}

export const web = new sst.aws.Nextjs("Web", {
  path: "apps/web",
  router: { instance: router },
  link: [issuer],
  // Read by the web app's server side: where to send people to sign in, and which origins are its own.
  // TIFFIN_MEDIA_UPLOAD_ORIGIN: where staff's browsers post presigned photo uploads (CSP connect-src).
  environment: {
    TIFFIN_AUTH_ISSUER: issuer.url,
    TIFFIN_WEB_ORIGINS: router.url,
    // Where server-rendered pages read the catalog: the services through the Router, like the browser.
    TIFFIN_API_BASE: $interpolate`${router.url}/trpc`,
    TIFFIN_MEDIA_UPLOAD_ORIGIN: $interpolate`https://${buckets.MediaBucket.name}.s3.${aws.getRegionOutput().name}.amazonaws.com`,
  },
});
