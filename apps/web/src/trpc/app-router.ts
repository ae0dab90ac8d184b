import type { AuthRouter } from "@tiffin/auth";
import type { ServiceName } from "@tiffin/aws/topology";
import type { OrdersRouter } from "@tiffin/orders";
import type { RestaurantsRouter } from "@tiffin/restaurants";
import type { TRPCBuiltRouter, TRPCDecorateCreateRouterOptions } from "@trpc/server";

/**
 * Each registered service's router TYPE under its name. The only list of services in the web app, and a
 * checked one: a service added to the registry (packages/aws/src/topology.ts) without its line here, or a
 * line for a service that is not registered, fails the type-check below.
 */
type Routers = { restaurants: RestaurantsRouter; orders: OrdersRouter; auth: AuthRouter };

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const routersMatchRegistry: SameKeys<keyof Routers, ServiceName> = true;
void routersMatchRegistry;

/** Every service is built with the one initTRPC from @tiffin/kit, so any service's root types fit the whole. */
type Root = RestaurantsRouter["_def"]["_config"]["$types"];

/**
 * The platform as the web app sees it: each service's router under its name, merged by TYPE only. No
 * router exists at runtime in the browser; `serviceLink` sends `<service>.*` to that service's endpoint.
 */
export type AppRouter = TRPCBuiltRouter<Root, TRPCDecorateCreateRouterOptions<Routers>>;

export type { ServiceName };
