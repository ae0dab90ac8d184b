import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/trpc/app-router";

type Outputs = inferRouterOutputs<AppRouter>;
/** `restaurants.list`: every restaurant's summary (open first, then by rating) and the cuisines. */
export type RestaurantList = Outputs["restaurants"]["list"];
export type RestaurantListing = RestaurantList["restaurants"][number];
/** `restaurants.bySlug`: one restaurant with its menu. */
export type RestaurantDetail = Outputs["restaurants"]["bySlug"];
