/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: "tiffin",
      // Production tables and queues hold customers' orders: a mistaken `sst remove` must not delete them.
      removal: input?.stage === "production" ? "retain" : "remove",
      home: "aws",
      providers: { aws: { region: "eu-west-1" } },
    };
  },
  async run() {
    // In dependency order: services link to storage, messaging and the issuer; the issuer needs the
    // Router's URL (its allowed web origin); the Router then mounts the services and the web app.
    await import("./infra/storage");
    await import("./infra/messaging");
    const { router } = await import("./infra/router");
    const { issuer } = await import("./infra/issuer");
    await import("./infra/services");
    const { web } = await import("./infra/web");
    return { url: router.url, web: web.url, issuer: issuer.url };
  },
});
