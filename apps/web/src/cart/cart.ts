/**
 * The cart, as pure data and a reducer: one restaurant at a time, 1–20 of each line, at most 30 lines.
 * A line is a dish with its chosen options: the same dish with different options is another line.
 * Prices here are the menu's, for display only; checkout always shows and charges the server's quote.
 */

export const CART_LIMITS = { maxQuantity: 20, maxLines: 30 } as const;

export interface CartRestaurant {
  id: string;
  slug: string;
  name: string;
}

/** One chosen option, named and priced as the menu showed it. */
export interface CartOption {
  groupId: string;
  groupName: string;
  optionId: string;
  name: string;
  priceDeltaCents: number;
}

export interface CartLine {
  /** The dish and its choice: equal keys are the same line. */
  key: string;
  itemId: string;
  name: string;
  /** The dish's price plus its options' deltas. */
  unitPriceCents: number;
  quantity: number;
  options: CartOption[];
}

export interface Cart {
  restaurant: CartRestaurant | null;
  lines: CartLine[];
}

export const emptyCart: Cart = { restaurant: null, lines: [] };

export interface AddableItem {
  id: string;
  name: string;
  priceCents: number;
}

export type CartAction =
  /** `startNewCart` empties a cart from another restaurant first (after the person agreed). */
  | {
      type: "add";
      restaurant: CartRestaurant;
      item: AddableItem;
      options?: CartOption[];
      quantity?: number;
      startNewCart?: boolean;
    }
  | { type: "setQuantity"; key: string; quantity: number }
  | { type: "remove"; key: string }
  | { type: "clear" };

/** Why a dish can or cannot be added right now, so the UI can ask or explain instead of failing silently. */
export type AddCheck = "ok" | "other-restaurant" | "line-at-max" | "cart-full";

/**
 * A line's key: the dish id alone without options (so old carts and reorders keep their keys), else the
 * dish id and its options, sorted, so the order they were picked in does not matter.
 */
export const lineKeyOf = (itemId: string, options: readonly Pick<CartOption, "groupId" | "optionId">[]) =>
  options.length === 0
    ? itemId
    : `${itemId}|${options
        .map((o) => `${o.groupId}=${o.optionId}`)
        .sort()
        .join(",")}`;

export const checkAdd = (
  cart: Cart,
  restaurantId: string,
  itemId: string,
  options: readonly CartOption[] = [],
): AddCheck => {
  if (cart.restaurant && cart.lines.length > 0 && cart.restaurant.id !== restaurantId)
    return "other-restaurant";
  const key = lineKeyOf(itemId, options);
  const line = cart.lines.find((l) => l.key === key);
  if (line) return line.quantity >= CART_LIMITS.maxQuantity ? "line-at-max" : "ok";
  return cart.lines.length >= CART_LIMITS.maxLines ? "cart-full" : "ok";
};

const clampQuantity = (quantity: number) =>
  Math.min(CART_LIMITS.maxQuantity, Math.max(1, Math.trunc(quantity)));

const withLines = (cart: Cart, lines: CartLine[]): Cart =>
  lines.length === 0 ? emptyCart : { restaurant: cart.restaurant, lines };

export const unitPriceOf = (basePriceCents: number, options: readonly CartOption[]): number =>
  options.reduce((sum, o) => sum + o.priceDeltaCents, basePriceCents);

export const cartReducer = (cart: Cart, action: CartAction): Cart => {
  switch (action.type) {
    case "add": {
      const base = action.startNewCart && cart.restaurant?.id !== action.restaurant.id ? emptyCart : cart;
      const options = action.options ?? [];
      const check = checkAdd(base, action.restaurant.id, action.item.id, options);
      if (check !== "ok") return cart;
      const { item } = action;
      const adding = Number.isFinite(action.quantity) ? clampQuantity(action.quantity ?? 1) : 1;
      const key = lineKeyOf(item.id, options);
      const unitPriceCents = unitPriceOf(item.priceCents, options);
      const existing = base.lines.find((l) => l.key === key);
      const lines = existing
        ? base.lines.map((l) =>
            l.key === key
              ? {
                  ...l,
                  name: item.name,
                  unitPriceCents,
                  quantity: clampQuantity(l.quantity + adding),
                }
              : l,
          )
        : [
            ...base.lines,
            { key, itemId: item.id, name: item.name, unitPriceCents, quantity: adding, options },
          ];
      return { restaurant: action.restaurant, lines };
    }
    case "setQuantity": {
      if (!Number.isFinite(action.quantity) || !cart.lines.some((l) => l.key === action.key)) return cart;
      const quantity = clampQuantity(action.quantity);
      return withLines(
        cart,
        cart.lines.map((l) => (l.key === action.key ? { ...l, quantity } : l)),
      );
    }
    case "remove":
      return withLines(
        cart,
        cart.lines.filter((l) => l.key !== action.key),
      );
    case "clear":
      return emptyCart;
  }
};

export const itemCount = (cart: Cart): number => cart.lines.reduce((n, l) => n + l.quantity, 0);

export const subtotalCents = (cart: Cart): number =>
  cart.lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);

/** How many of a dish are in the cart, whatever their options. */
export const quantityOf = (cart: Cart, itemId: string): number =>
  cart.lines.filter((l) => l.itemId === itemId).reduce((n, l) => n + l.quantity, 0);

/** "Spice level: Hot · Extras: Raita, Naan" for a line. */
export const optionsText = (options: readonly Pick<CartOption, "groupName" | "name">[]): string => {
  const groups = new Map<string, string[]>();
  for (const o of options) groups.set(o.groupName, [...(groups.get(o.groupName) ?? []), o.name]);
  return [...groups].map(([group, names]) => `${group}: ${names.join(", ")}`).join(" · ");
};

/** What the server needs to price or place the order: ids, quantities and choices, never prices. */
export const orderLinesOf = (
  cart: Cart,
): { itemId: string; quantity: number; options?: { groupId: string; optionIds: string[] }[] }[] =>
  cart.lines.map(({ itemId, quantity, options }) => {
    if (options.length === 0) return { itemId, quantity };
    const byGroup = new Map<string, string[]>();
    for (const o of options) byGroup.set(o.groupId, [...(byGroup.get(o.groupId) ?? []), o.optionId]);
    return {
      itemId,
      quantity,
      options: [...byGroup].map(([groupId, optionIds]) => ({ groupId, optionIds })),
    };
  });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const isCents = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;

const parseRestaurant = (value: unknown): CartRestaurant | null =>
  isRecord(value) &&
  typeof value.id === "string" &&
  typeof value.slug === "string" &&
  typeof value.name === "string"
    ? { id: value.id, slug: value.slug, name: value.name }
    : null;

const parseOption = (value: unknown): CartOption | null => {
  if (!isRecord(value)) return null;
  const { groupId, groupName, optionId, name, priceDeltaCents } = value;
  if (
    typeof groupId !== "string" ||
    typeof groupName !== "string" ||
    typeof optionId !== "string" ||
    typeof name !== "string" ||
    !isCents(priceDeltaCents)
  )
    return null;
  return { groupId, groupName, optionId, name, priceDeltaCents };
};

const parseLine = (value: unknown): CartLine | null => {
  if (!isRecord(value)) return null;
  const { itemId, name, unitPriceCents, quantity } = value;
  if (typeof itemId !== "string" || typeof name !== "string") return null;
  if (!isCents(unitPriceCents)) return null;
  if (typeof quantity !== "number" || !Number.isFinite(quantity)) return null;
  // Carts saved before options existed have none.
  const rawOptions = value.options === undefined ? [] : value.options;
  if (!Array.isArray(rawOptions)) return null;
  const options = rawOptions.map(parseOption);
  if (options.some((o) => o === null)) return null;
  const kept = options as CartOption[];
  return {
    key: lineKeyOf(itemId, kept),
    itemId,
    name,
    unitPriceCents,
    quantity: clampQuantity(quantity),
    options: kept,
  };
};

/** Reads a stored cart defensively: anything malformed (old format, hand-edited) becomes an empty cart. */
export const parseCart = (value: unknown): Cart => {
  if (!isRecord(value) || !Array.isArray(value.lines)) return emptyCart;
  const restaurant = parseRestaurant(value.restaurant);
  const lines: CartLine[] = [];
  for (const raw of value.lines) {
    const line = parseLine(raw);
    if (line && !lines.some((l) => l.key === line.key)) lines.push(line);
  }
  if (!restaurant || lines.length === 0) return emptyCart;
  return { restaurant, lines: lines.slice(0, CART_LIMITS.maxLines) };
};
