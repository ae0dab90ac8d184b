import { publicProcedure, router, staffProcedure } from "@tiffin/kit";
import { z } from "zod";
import type { RestaurantsService } from "./domain/restaurants-service";

const Id = z
  .string({ error: "A restaurant id is required." })
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    "That restaurant id isn't valid: use lowercase letters, digits and dashes.",
  );

export const ListInput = z.strictObject({
  query: z.string().trim().max(80, "Search for at most 80 characters.").optional(),
  cuisine: z.string().trim().max(40, "Cuisine names are at most 40 characters.").optional(),
  openNow: z.boolean().optional(),
});

export const createRestaurantsRouter = (svc: RestaurantsService) =>
  router({
    list: publicProcedure.input(ListInput.optional()).query(({ input }) => svc.list(input ?? {})),
    bySlug: publicProcedure.input(z.strictObject({ slug: Id })).query(({ input }) => svc.bySlug(input.slug)),
    /** Staff only, and only for a restaurant they work for. */
    tickets: staffProcedure
      .input(z.strictObject({ restaurantId: Id }))
      .query(({ input, ctx }) => svc.tickets(input.restaurantId, ctx.actor)),
    myRestaurants: staffProcedure.query(({ ctx }) => svc.myRestaurants(ctx.actor)),
  });

export type RestaurantsRouter = ReturnType<typeof createRestaurantsRouter>;
