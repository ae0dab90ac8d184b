import type { OrdersRouter } from "@tiffin/orders";
import type { RestaurantsRouter } from "@tiffin/restaurants";
import type { TRPCBuiltRouter, TRPCDecorateCreateRouterOptions } from "@trpc/server";

/** Every service is built with the one initTRPC from @tiffin/kit, so any service's root types fit the whole. */
type Root = RestaurantsRouter["_def"]["_config"]["$types"];

/**
 * The platform as the web app sees it: each service's router under its name, merged by TYPE only. No
 * router exists at runtime in the browser; `serviceLink` sends `restaurants.*` and `orders.*` to their
 * own endpoints.
 */
export type AppRouter = TRPCBuiltRouter<
  Root,
  TRPCDecorateCreateRouterOptions<{ restaurants: RestaurantsRouter; orders: OrdersRouter }>
>;

export type ServiceName = keyof AppRouter["_def"]["record"];
