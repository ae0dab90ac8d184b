import {
  choiceKey,
  chosenOptions,
  type OptionChoice,
  optionChoiceProblem,
  unitPriceWithOptions,
} from "@tiffin/contracts/option-choice";
import { DomainError } from "@tiffin/kit/domain-error";
import type { ReplicatedMenu } from "./menu-replica";
import type { OrderLine, Quote } from "./order";

export const LIMITS = { minQuantity: 1, maxQuantity: 20, minLines: 1, maxLines: 30 } as const;
/** Service fee: 5% of the subtotal, rounded to the cent. */
export const SERVICE_FEE_RATE = 0.05;

export interface RequestedLine {
  itemId: string;
  quantity: number;
  /** The customer's choice per option group of the item (absent: nothing chosen). */
  options?: { groupId: string; optionIds: string[] }[];
}

export const formatCents = (cents: number): string => `$${(cents / 100).toFixed(2)}`;

/**
 * Prices a cart against the replica. Refuses, with a message the customer can act on, anything the
 * restaurant cannot make: closed store, unknown or sold-out item, quantities out of range, below minimum.
 * The same item with the same options on two lines is merged; with different options it stays two lines.
 * Options are priced from the replica's option groups, and a choice that breaks a group's rules (too few,
 * too many, unknown, sold out) is refused naming the item and the group.
 */
export const priceOrder = (menu: ReplicatedMenu | undefined, requested: RequestedLine[]): Quote => {
  if (!menu)
    throw new DomainError("not_found", "We couldn't find that restaurant. It may have moved or closed.");
  if (!menu.isOpen) {
    throw new DomainError("unavailable", `${menu.name} is closed right now and isn't taking orders.`);
  }
  if (requested.length < LIMITS.minLines)
    throw new DomainError("invalid", "Your cart is empty: add a dish first.");
  if (requested.length > LIMITS.maxLines) {
    throw new DomainError("invalid", `An order can have at most ${LIMITS.maxLines} different dishes.`);
  }
  const outOfRange = (quantity: number) =>
    !Number.isInteger(quantity) || quantity < LIMITS.minQuantity || quantity > LIMITS.maxQuantity;
  const refuseQuantity = (itemId: string, name: string) =>
    new DomainError("invalid", `Choose between ${LIMITS.minQuantity} and ${LIMITS.maxQuantity} of ${name}.`, {
      [itemId]: "Quantity out of range",
    });
  // Each line on its own first: a negative line must not hide inside a merged total.
  for (const line of requested) {
    if (outOfRange(line.quantity)) {
      throw refuseQuantity(line.itemId, menu.items.find((i) => i.id === line.itemId)?.name ?? "that dish");
    }
  }
  // Same item and same choice (in whatever order it was sent) is one line.
  const merged = new Map<string, { itemId: string; quantity: number; options: OptionChoice[] }>();
  for (const line of requested) {
    const groups = menu.items.find((i) => i.id === line.itemId)?.optionGroups ?? [];
    const options = line.options ?? [];
    const key = `${line.itemId}|${choiceKey(groups, options)}`;
    const seen = merged.get(key);
    if (seen) seen.quantity += line.quantity;
    else merged.set(key, { itemId: line.itemId, quantity: line.quantity, options });
  }

  const lines: OrderLine[] = [];
  for (const { itemId, quantity, options: choices } of merged.values()) {
    const item = menu.items.find((i) => i.id === itemId);
    if (!item) {
      throw new DomainError(
        "invalid",
        `One dish in your cart is no longer on ${menu.name}'s menu. Remove it and try again.`,
        { [itemId]: "Not on the menu" },
      );
    }
    if (!item.available) {
      throw new DomainError(
        "unavailable",
        `${item.name} is sold out. Remove it from your cart to continue.`,
        {
          [itemId]: "Sold out",
        },
      );
    }
    if (outOfRange(quantity)) throw refuseQuantity(itemId, item.name);
    const problem = optionChoiceProblem(item.name, item.optionGroups, choices);
    if (problem) {
      throw new DomainError("invalid", problem.message, {
        [problem.groupId ? `${itemId}.${problem.groupId}` : itemId]: problem.message,
      });
    }
    const options = chosenOptions(item.optionGroups, choices);
    const unitPriceCents = unitPriceWithOptions(item.priceCents, options);
    lines.push({
      itemId,
      name: item.name,
      quantity,
      unitPriceCents,
      lineTotalCents: unitPriceCents * quantity,
      options,
    });
  }
  const subtotalCents = lines.reduce((sum, l) => sum + l.lineTotalCents, 0);
  if (subtotalCents < menu.minimumOrderCents) {
    throw new DomainError(
      "unavailable",
      `Add ${formatCents(menu.minimumOrderCents - subtotalCents)} more to reach ${menu.name}'s ${formatCents(menu.minimumOrderCents)} minimum order.`,
    );
  }
  const serviceFeeCents = Math.round(subtotalCents * SERVICE_FEE_RATE);
  return {
    restaurantId: menu.restaurantId,
    restaurantName: menu.name,
    lines,
    subtotalCents,
    deliveryFeeCents: menu.deliveryFeeCents,
    serviceFeeCents,
    totalCents: subtotalCents + menu.deliveryFeeCents + serviceFeeCents,
    currency: "USD",
  };
};
