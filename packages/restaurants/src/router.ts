import { publicProcedure, router, staffProcedure } from "@tiffin/kit";
import { z } from "zod";
import { ticketLanes } from "./domain/kitchen-ticket";
import type { RestaurantsService } from "./domain/restaurants-service";
import { BAD_CURSOR, MAX_TICKETS_PAGE } from "./domain/ticket-page";
import { kitchenProcedures } from "./kitchen-procedures";
import { menuProcedures } from "./menu-procedures";
import { RestaurantId as Id } from "./procedure-inputs";

export const ListInput = z.strictObject({
  query: z.string().trim().max(80, "Search for at most 80 characters.").optional(),
  cuisine: z.string().trim().max(40, "Cuisine names are at most 40 characters.").optional(),
  openNow: z.boolean().optional(),
});

/**
 * One page of the kitchen board: newest first; `cursor` is the previous page's `nextCursor`. `lane` picks
 * a section (new, preparing, ready, done today); without it, every ticket.
 */
export const TicketsInput = z.strictObject({
  restaurantId: Id,
  lane: z.enum(ticketLanes, { error: "Choose a section: new, preparing, ready or done." }).optional(),
  limit: z
    .int({ error: "The page size must be a whole number." })
    .min(1, "Ask for at least 1 ticket.")
    .max(MAX_TICKETS_PAGE, `Ask for at most ${MAX_TICKETS_PAGE} tickets at a time.`)
    .optional(),
  cursor: z.string({ error: BAD_CURSOR }).max(400, BAD_CURSOR).nullish(),
});

export const createRestaurantsRouter = (svc: RestaurantsService) =>
  router({
    list: publicProcedure.input(ListInput.optional()).query(({ input }) => svc.list(input ?? {})),
    bySlug: publicProcedure.input(z.strictObject({ slug: Id })).query(({ input }) => svc.bySlug(input.slug)),
    /** Staff only, and only for a restaurant they work for. */
    tickets: staffProcedure
      .input(TicketsInput)
      .query(({ input, ctx }) => svc.tickets(input.restaurantId, ctx.actor, input)),
    myRestaurants: staffProcedure.query(({ ctx }) => svc.myRestaurants(ctx.actor)),
    /** The kitchen: acceptTicket, rejectTicket, markTicketReady, storeSettings, setStoreState, setOpeningHours, sales. */
    ...kitchenProcedures(svc),
    /** The menu editor: menu, saveCategory, deleteCategory, saveItem, deleteItem, availability, photos. */
    ...menuProcedures(svc),
  });

export type RestaurantsRouter = ReturnType<typeof createRestaurantsRouter>;
