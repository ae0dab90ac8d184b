import { z } from "zod";
import { Cents, EventMeta } from "./common";

/** One chosen option on an order line, as it was named and priced when the order was placed. */
const ChosenOptionV2 = z.object({
  groupId: z.string().min(1),
  groupName: z.string().min(1),
  optionId: z.string().min(1),
  name: z.string().min(1),
  priceDeltaCents: Cents,
});

/**
 * orders -> restaurants (FulfillmentQueue). v2 adds each line's chosen options (names and price deltas, so
 * the kitchen ticket shows "Spice level: Hot"); `unitPriceCents` includes the deltas. The same item with
 * different options is two lines. Released: never edit; add a v3 beside it.
 */
export const OrderPlacedV2 = z.object({
  type: z.literal("order.placed"),
  version: z.literal(2),
  ...EventMeta,
  orderId: z.string().min(1),
  shortCode: z.string().min(1),
  restaurantId: z.string().min(1),
  placedAt: z.iso.datetime(),
  customer: z.object({ name: z.string(), phone: z.string() }),
  delivery: z.object({ address: z.string(), notes: z.string() }),
  lines: z
    .array(
      z.object({
        itemId: z.string(),
        name: z.string(),
        quantity: z.number().int().positive(),
        unitPriceCents: Cents,
        options: z.array(ChosenOptionV2),
      }),
    )
    .min(1),
  subtotalCents: Cents,
  totalCents: Cents,
});
export type OrderPlacedV2 = z.infer<typeof OrderPlacedV2>;
