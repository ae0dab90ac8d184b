import { orderDetailsFields } from "@tiffin/contracts/order-details";
import { paymentCardFields } from "@tiffin/contracts/payment-card";
import { customerProcedure, publicProcedure, router } from "@tiffin/kit";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { OrdersService } from "./domain/orders-service";
import { PaymentDeclined, PaymentProcessingError } from "./domain/payments";
import { LIMITS } from "./domain/pricing";
import { RateLimited } from "./domain/rate-limits";

const PRICE_WORDS = new Set(["price", "prices", "total", "subtotal", "fee", "fees", "cents", "amount"]);
/** "unitPriceCents" -> price-like; "feedback" -> not. */
const isPriceField = (key: string) =>
  key.split(/(?=[A-Z])|[_\-\s.]/).some((word) => PRICE_WORDS.has(word.toLowerCase()));

/**
 * Objects that refuse unknown fields; a price or total sent by a client is named and explained. `missing`
 * is what to say when the object itself is absent or not an object.
 */
const strict = <T extends z.ZodRawShape>(shape: T, missing?: string) =>
  z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "invalid_type") return missing;
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

const OptionRef = (what: string) =>
  z
    .string({ error: `Each choice needs ${what}.` })
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, `That ${what} isn't valid.`);

/** A choice in one option group of a dish: which options were picked (prices come from the menu). */
const OptionChoice = strict({
  groupId: OptionRef("an option group id"),
  optionIds: z
    .array(OptionRef("an option id"), { error: "Chosen options must be a list." })
    .max(20, "At most 20 options can be chosen in one group."),
});

const Line = strict({
  itemId: z
    .string({ error: "Each dish needs an item id." })
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "That dish id isn't valid."),
  quantity: z
    .number({ error: "Quantity must be a number." })
    .int("Quantity must be a whole number.")
    .min(LIMITS.minQuantity, `Quantity must be at least ${LIMITS.minQuantity}.`)
    .max(LIMITS.maxQuantity, `You can order at most ${LIMITS.maxQuantity} of one dish.`),
  options: z
    .array(OptionChoice, { error: "A dish's options must be a list of choices." })
    .max(10, "A dish has at most 10 option groups.")
    .optional(),
});

const Lines = z
  .array(Line, { error: "The cart must be a list of dishes." })
  .min(LIMITS.minLines, "Your cart is empty: add a dish first.")
  .max(LIMITS.maxLines, `An order can have at most ${LIMITS.maxLines} different dishes.`);

export const QuoteInput = strict({ restaurantId: RestaurantId, lines: Lines });

export const PlaceInput = strict({
  idempotencyKey: z.uuid("The checkout key must be a UUID; reload the page and try again."),
  restaurantId: RestaurantId,
  lines: Lines,
  // What the customer types: the same definitions the checkout form validates with (any script and
  // emoji kept exactly; control, bidi-override and broken characters refused, naming the field).
  customer: strict({ name: orderDetailsFields.name, phone: orderDetailsFields.phone }),
  delivery: strict({ address: orderDetailsFields.address, notes: orderDetailsFields.notes.default("") }),
  // The card goes to the payment provider only; the order keeps its brand and last four digits.
  payment: strict(
    { number: paymentCardFields.number, expiry: paymentCardFields.expiry, cvc: paymentCardFields.cvc },
    "Enter your card details to pay for the order.",
  ),
});

/**
 * Refusals that are not a DomainError: over a limit 429 (saying when to try again), a declined card 402
 * (nothing placed, the cart kept), a card provider that keeps failing 503 (nothing charged).
 */
const placeRefusal = (error: unknown) => {
  if (error instanceof RateLimited) {
    return new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message, cause: error });
  }
  if (error instanceof PaymentDeclined) {
    return new TRPCError({ code: "PAYMENT_REQUIRED", message: error.message, cause: error });
  }
  if (error instanceof PaymentProcessingError) {
    return new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "We couldn't reach the card provider. Nothing was charged: try again in a moment.",
      cause: error,
    });
  }
  return error;
};

export const OrderIdInput = strict({ orderId: z.uuid("That order number isn't valid.") });

export const createOrdersRouter = (svc: OrdersService) =>
  router({
    /** Public: a cart can be priced before signing in. */
    quote: publicProcedure.input(QuoteInput).query(({ input }) => svc.quote(input)),
    place: customerProcedure.input(PlaceInput).mutation(({ input, ctx }) =>
      svc
        .place(
          {
            ...input,
            customerId: ctx.actor.id,
            payment: {
              number: input.payment.number,
              expMonth: input.payment.expiry.month,
              expYear: input.payment.expiry.year,
              cvc: input.payment.cvc,
            },
          },
          { correlationId: ctx.correlationId, log: ctx.logger },
        )
        .catch((error: unknown) => {
          throw placeRefusal(error);
        }),
    ),
    get: customerProcedure
      .input(OrderIdInput)
      .query(({ input, ctx }) => svc.get(input.orderId, ctx.actor.id)),
    mine: customerProcedure.query(({ ctx }) => svc.mine(ctx.actor.id)),
    /** Only while the restaurant has not accepted (409 saying why otherwise); the kitchen decides the race. */
    cancel: customerProcedure
      .input(OrderIdInput)
      .mutation(({ input, ctx }) => svc.cancel(input.orderId, ctx.actor.id, { log: ctx.logger })),
    /** Today's price of one of the customer's orders, with what changed or is no longer available. */
    reorder: customerProcedure
      .input(OrderIdInput)
      .mutation(({ input, ctx }) => svc.reorder(input.orderId, ctx.actor.id)),
  });

export type OrdersRouter = ReturnType<typeof createOrdersRouter>;
