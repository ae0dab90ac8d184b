/**
 * The cart, as pure data and a reducer: one restaurant at a time, 1–20 of each dish, at most 30 dishes.
 * Prices here are the menu's, for display only; checkout always shows and charges the server's quote.
 */

export const CART_LIMITS = { maxQuantity: 20, maxLines: 30 } as const;

export interface CartRestaurant {
  id: string;
  slug: string;
  name: string;
}

export interface CartLine {
  itemId: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
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
  | { type: "add"; restaurant: CartRestaurant; item: AddableItem; startNewCart?: boolean }
  | { type: "setQuantity"; itemId: string; quantity: number }
  | { type: "remove"; itemId: string }
  | { type: "clear" };

/** Why a dish can or cannot be added right now, so the UI can ask or explain instead of failing silently. */
export type AddCheck = "ok" | "other-restaurant" | "line-at-max" | "cart-full";

export const checkAdd = (cart: Cart, restaurantId: string, itemId: string): AddCheck => {
  if (cart.restaurant && cart.lines.length > 0 && cart.restaurant.id !== restaurantId)
    return "other-restaurant";
  const line = cart.lines.find((l) => l.itemId === itemId);
  if (line) return line.quantity >= CART_LIMITS.maxQuantity ? "line-at-max" : "ok";
  return cart.lines.length >= CART_LIMITS.maxLines ? "cart-full" : "ok";
};

const clampQuantity = (quantity: number) =>
  Math.min(CART_LIMITS.maxQuantity, Math.max(1, Math.trunc(quantity)));

const withLines = (cart: Cart, lines: CartLine[]): Cart =>
  lines.length === 0 ? emptyCart : { restaurant: cart.restaurant, lines };

export const cartReducer = (cart: Cart, action: CartAction): Cart => {
  switch (action.type) {
    case "add": {
      const base = action.startNewCart && cart.restaurant?.id !== action.restaurant.id ? emptyCart : cart;
      const check = checkAdd(base, action.restaurant.id, action.item.id);
      if (check !== "ok") return cart;
      const { item } = action;
      const existing = base.lines.find((l) => l.itemId === item.id);
      const lines = existing
        ? base.lines.map((l) =>
            l.itemId === item.id
              ? { ...l, name: item.name, unitPriceCents: item.priceCents, quantity: l.quantity + 1 }
              : l,
          )
        : [...base.lines, { itemId: item.id, name: item.name, unitPriceCents: item.priceCents, quantity: 1 }];
      return { restaurant: action.restaurant, lines };
    }
    case "setQuantity": {
      if (!Number.isFinite(action.quantity) || !cart.lines.some((l) => l.itemId === action.itemId))
        return cart;
      const quantity = clampQuantity(action.quantity);
      return withLines(
        cart,
        cart.lines.map((l) => (l.itemId === action.itemId ? { ...l, quantity } : l)),
      );
    }
    case "remove":
      return withLines(
        cart,
        cart.lines.filter((l) => l.itemId !== action.itemId),
      );
    case "clear":
      return emptyCart;
  }
};

export const itemCount = (cart: Cart): number => cart.lines.reduce((n, l) => n + l.quantity, 0);

export const subtotalCents = (cart: Cart): number =>
  cart.lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);

export const quantityOf = (cart: Cart, itemId: string): number =>
  cart.lines.find((l) => l.itemId === itemId)?.quantity ?? 0;

/** What the server needs to price or place the order: ids and quantities, never prices. */
export const orderLinesOf = (cart: Cart): { itemId: string; quantity: number }[] =>
  cart.lines.map(({ itemId, quantity }) => ({ itemId, quantity }));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const parseRestaurant = (value: unknown): CartRestaurant | null =>
  isRecord(value) &&
  typeof value.id === "string" &&
  typeof value.slug === "string" &&
  typeof value.name === "string"
    ? { id: value.id, slug: value.slug, name: value.name }
    : null;

const parseLine = (value: unknown): CartLine | null => {
  if (!isRecord(value)) return null;
  const { itemId, name, unitPriceCents, quantity } = value;
  if (typeof itemId !== "string" || typeof name !== "string") return null;
  if (typeof unitPriceCents !== "number" || !Number.isInteger(unitPriceCents) || unitPriceCents < 0)
    return null;
  if (typeof quantity !== "number" || !Number.isFinite(quantity)) return null;
  return { itemId, name, unitPriceCents, quantity: clampQuantity(quantity) };
};

/** Reads a stored cart defensively: anything malformed (old format, hand-edited) becomes an empty cart. */
export const parseCart = (value: unknown): Cart => {
  if (!isRecord(value) || !Array.isArray(value.lines)) return emptyCart;
  const restaurant = parseRestaurant(value.restaurant);
  const lines: CartLine[] = [];
  for (const raw of value.lines) {
    const line = parseLine(raw);
    if (line && !lines.some((l) => l.itemId === line.itemId)) lines.push(line);
  }
  if (!restaurant || lines.length === 0) return emptyCart;
  return { restaurant, lines: lines.slice(0, CART_LIMITS.maxLines) };
};
