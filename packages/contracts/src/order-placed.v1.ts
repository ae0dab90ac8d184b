import { z } from "zod";
import { Cents, EventMeta } from "./common";

/** orders -> restaurants (FulfillmentQueue). Released: never edit; add a v2 beside it. */
export const OrderPlacedV1 = z.object({
  type: z.literal("order.placed"),
  version: z.literal(1),
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
      }),
    )
    .min(1),
  subtotalCents: Cents,
  totalCents: Cents,
});
export type OrderPlacedV1 = z.infer<typeof OrderPlacedV1>;
