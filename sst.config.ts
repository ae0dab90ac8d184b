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
    // In dependency order: services link to storage and messaging; the Router mounts the services.
    await import("./infra/storage");
    await import("./infra/messaging");
    await import("./infra/restaurants");
    await import("./infra/orders");
    const { router, web } = await import("./infra/web");
    return { url: router.url, web: web.url };
  },
});
