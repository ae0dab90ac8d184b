import { DomainError } from "@tiffin/kit/domain-error";
import type { ReplicatedMenu } from "./menu-replica";
import type { Order, OrderLine, Quote } from "./order";
import { priceOrder, type RequestedLine } from "./pricing";
import { storeRefusal } from "./store-hours";

/**
 * "Order this again": the old order's lines, priced against today's menu replica. Lines the restaurant
 * can no longer make are dropped (and named); lines whose price changed are kept at the new price (and
 * named). The result says what a cart should now hold, and the quote for it when it can be ordered as is.
 */
export interface ReorderResult {
  restaurant: { id: string; slug: string; name: string };
  /** What to put in the cart: the lines still on the menu, at today's prices. */
  lines: OrderLine[];
  /** Today's price of those lines; null when they cannot be ordered as they are (see `problem`). */
  quote: Quote | null;
  /** Why there is no quote (below the minimum, paused, closed), in words the customer can act on. */
  problem: string | null;
  changes: {
    priceChanges: { itemId: string; name: string; oldUnitPriceCents: number; newUnitPriceCents: number }[];
    unavailable: { itemId: string; name: string; reason: string }[];
  };
}

/**
 * The request that would order `line` again: ids, quantity and the same choices per option group (prices
 * are always today's). Lines stored before options existed have none.
 */
export const requestedLineOf = (line: OrderLine): RequestedLine => {
  const byGroup = new Map<string, string[]>();
  for (const option of line.options ?? []) {
    byGroup.set(option.groupId, [...(byGroup.get(option.groupId) ?? []), option.optionId]);
  }
  return {
    itemId: line.itemId,
    quantity: line.quantity,
    ...(byGroup.size > 0
      ? { options: [...byGroup].map(([groupId, optionIds]) => ({ groupId, optionIds })) }
      : {}),
  };
};

/** Prices one line on its own: no minimum order, no store state (those are for the whole cart). */
const priceAlone = (menu: ReplicatedMenu, line: OrderLine): OrderLine | { refused: string } => {
  try {
    const quote = priceOrder({ ...menu, isOpen: true, minimumOrderCents: 0 }, [requestedLineOf(line)]);
    const [priced] = quote.lines;
    return priced ?? { refused: `${line.name} can't be ordered right now.` };
  } catch (error) {
    if (error instanceof DomainError) return { refused: error.message };
    throw error;
  }
};

export const reorderFrom = (order: Order, menu: ReplicatedMenu | undefined, now: Date): ReorderResult => {
  if (!menu) {
    throw new DomainError(
      "not_found",
      `${order.restaurantName} is no longer on Tiffin, so this order can't be repeated.`,
    );
  }
  const kept: OrderLine[] = [];
  const changes: ReorderResult["changes"] = { priceChanges: [], unavailable: [] };
  for (const line of order.lines) {
    const priced = priceAlone(menu, line);
    if ("refused" in priced) {
      changes.unavailable.push({ itemId: line.itemId, name: line.name, reason: priced.refused });
      continue;
    }
    kept.push(priced);
    if (priced.unitPriceCents !== line.unitPriceCents) {
      changes.priceChanges.push({
        itemId: line.itemId,
        name: priced.name,
        oldUnitPriceCents: line.unitPriceCents,
        newUnitPriceCents: priced.unitPriceCents,
      });
    }
  }
  let quote: Quote | null = null;
  let problem: string | null = storeRefusal(menu, now) ?? null;
  if (kept.length === 0) {
    problem = `None of the dishes from this order are available at ${menu.name} right now.`;
  } else if (!problem) {
    try {
      quote = priceOrder(menu, kept.map(requestedLineOf));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem = error.message;
    }
  }
  return {
    restaurant: { id: menu.restaurantId, slug: menu.slug, name: menu.name },
    lines: quote?.lines ?? kept,
    quote,
    problem,
    changes,
  };
};
