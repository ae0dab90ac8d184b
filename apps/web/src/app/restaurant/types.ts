import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/trpc/app-router";

type RestaurantsOutputs = inferRouterOutputs<AppRouter>["restaurants"];

/** A restaurant the signed-in staff member works for, as `restaurants.myRestaurants` lists it. */
export type MyRestaurant = RestaurantsOutputs["myRestaurants"][number];
