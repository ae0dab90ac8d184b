import { customerProcedure, publicProcedure, router } from "@tiffin/kit";
import { z } from "zod";
import type { OrdersService } from "./domain/orders-service";
import { LIMITS } from "./domain/pricing";

const PRICE_WORDS = new Set(["price", "prices", "total", "subtotal", "fee", "fees", "cents", "amount"]);
/** "unitPriceCents" -> price-like; "feedback" -> not. */
const isPriceField = (key: string) =>
  key.split(/(?=[A-Z])|[_\-\s.]/).some((word) => PRICE_WORDS.has(word.toLowerCase()));

/** Objects that refuse unknown fields; a price or total sent by a client is named and explained. */
const strict = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const keys = issue.keys.join(", ");
      return issue.keys.some(isPriceField)
        ? `Prices and totals are computed by Tiffin, never sent by the app (remove: ${keys}).`
        : `Unexpected field${issue.keys.length > 1 ? "s" : ""}: ${keys}.`;
    },
  });

const RestaurantId = z
  .string({ error: "Choose a restaurant." })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "That restaurant id isn't valid.");

const Line = strict({
  itemId: z
    .string({ error: "Each dish needs an item id." })
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "That dish id isn't valid."),
  quantity: z
    .number({ error: "Quantity must be a number." })
    .int("Quantity must be a whole number.")
    .min(LIMITS.minQuantity, `Quantity must be at least ${LIMITS.minQuantity}.`)
    .max(LIMITS.maxQuantity, `You can order at most ${LIMITS.maxQuantity} of one dish.`),
});

const Lines = z
  .array(Line, { error: "The cart must be a list of dishes." })
  .min(LIMITS.minLines, "Your cart is empty: add a dish first.")
  .max(LIMITS.maxLines, `An order can have at most ${LIMITS.maxLines} different dishes.`);

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(min, min === 1 ? `${label} is required.` : `${label} must be at least ${min} characters.`)
    .max(max, `${label} must be at most ${max} characters.`);

export const QuoteInput = strict({ restaurantId: RestaurantId, lines: Lines });

export const PlaceInput = strict({
  idempotencyKey: z.uuid("The checkout key must be a UUID; reload the page and try again."),
  restaurantId: RestaurantId,
  lines: Lines,
  customer: strict({
    name: text("Your name", 1, 80),
    phone: z
      .string({ error: "A phone number is required." })
      .trim()
      .regex(/^\+?[0-9 ()-]{7,20}$/, "Enter a phone number the courier can call, e.g. +1 415 555 0134."),
  }),
  delivery: strict({
    address: text("Delivery address", 5, 300),
    notes: z.string().trim().max(500, "Delivery notes must be at most 500 characters.").default(""),
  }),
});

export const OrderIdInput = strict({ orderId: z.uuid("That order number isn't valid.") });

export const createOrdersRouter = (svc: OrdersService) =>
  router({
    /** Public: a cart can be priced before signing in. */
    quote: publicProcedure.input(QuoteInput).query(({ input }) => svc.quote(input)),
    place: customerProcedure
      .input(PlaceInput)
      .mutation(({ input, ctx }) =>
        svc.place(
          { ...input, customerId: ctx.actor.id },
          { correlationId: ctx.correlationId, log: ctx.logger },
        ),
      ),
    get: customerProcedure
      .input(OrderIdInput)
      .query(({ input, ctx }) => svc.get(input.orderId, ctx.actor.id)),
    mine: customerProcedure.query(({ ctx }) => svc.mine(ctx.actor.id)),
  });

export type OrdersRouter = ReturnType<typeof createOrdersRouter>;
