"use client";

import type { Quote } from "@tiffin/orders";
import { Badge, Button, Skeleton } from "@tiffin/ui";
import { type Cart, optionsText } from "@/cart/cart";
import { dispatchCart } from "@/cart/cart-store";
import { Bill } from "@/components/bill";
import { announce } from "@/components/live-announcer";
import type { Problem } from "@/trpc/problem";

/** The server's bill when there is a quote; otherwise the cart, with the dishes the service named. */
export function OrderSummary({
  cart,
  quote,
  problem,
}: {
  cart: Cart;
  quote: Quote | undefined;
  problem: Problem | undefined;
}) {
  if (quote) return <Bill priced={quote} />;
  return (
    <ul className="mt-4 divide-y divide-stone-100" aria-busy={!problem}>
      {cart.lines.map((line) => {
        // The server names a dish by its id, or a dish's option group as `<item>.<group>`.
        const issue =
          problem?.fieldErrors[line.itemId] ??
          Object.entries(problem?.fieldErrors ?? {}).find(([field]) =>
            field.startsWith(`${line.itemId}.`),
          )?.[1];
        return (
          <li key={line.key} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
            <span>
              <span className="font-semibold tabular-nums">{line.quantity} ×</span> {line.name}
              {line.options.length > 0 && (
                <span className="block text-xs text-stone-600">{optionsText(line.options)}</span>
              )}
            </span>
            {issue ? (
              <span className="flex items-center gap-2">
                <Badge tone="danger">{issue}</Badge>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => {
                    dispatchCart({ type: "remove", key: line.key });
                    announce(`Removed ${line.name} from your order.`);
                  }}
                  aria-label={`Remove ${line.name} from your order`}
                >
                  Remove
                </Button>
              </span>
            ) : problem ? null : (
              <Skeleton className="h-4 w-14 rounded-md" />
            )}
          </li>
        );
      })}
    </ul>
  );
}
