import { describe, expect, it } from "vitest";
import {
  CART_LIMITS,
  type Cart,
  type CartAction,
  cartReducer,
  checkAdd,
  emptyCart,
  itemCount,
  optionsText,
  orderLinesOf,
  parseCart,
  quantityOf,
  subtotalCents,
} from "./cart";

const dosaHouse = { id: "dosa-house", slug: "dosa-house", name: "Dosa House" };
const pizzeria = { id: "luigis", slug: "luigis", name: "Luigi's" };
const dosa = { id: "masala-dosa", name: "Masala dosa", priceCents: 1150 };
const lassi = { id: "mango-lassi", name: "Mango lassi", priceCents: 450 };
const margherita = { id: "margherita", name: "Margherita", priceCents: 1400 };

const run = (...actions: CartAction[]): Cart => actions.reduce(cartReducer, emptyCart);
const add = (item = dosa, restaurant = dosaHouse): CartAction => ({ type: "add", restaurant, item });

describe("adding dishes", () => {
  it("starts a cart for the restaurant and adds one of the dish", () => {
    const cart = run(add());
    expect(cart.restaurant).toEqual(dosaHouse);
    expect(cart.lines).toEqual([
      {
        key: "masala-dosa",
        itemId: "masala-dosa",
        name: "Masala dosa",
        unitPriceCents: 1150,
        quantity: 1,
        options: [],
      },
    ]);
  });

  it("adds to the existing line rather than duplicating it, taking the latest menu price", () => {
    const cart = run(add(), add(lassi), add({ ...dosa, priceCents: 1200 }));
    expect(cart.lines.map((l) => [l.itemId, l.quantity, l.unitPriceCents])).toEqual([
      ["masala-dosa", 2, 1200],
      ["mango-lassi", 1, 450],
    ]);
  });

  it("keeps one restaurant per cart unless the person agrees to start over", () => {
    const cart = run(add(), add(lassi));
    expect(checkAdd(cart, pizzeria.id, margherita.id)).toBe("other-restaurant");
    expect(cartReducer(cart, add(margherita, pizzeria))).toBe(cart);

    const fresh = cartReducer(cart, {
      type: "add",
      restaurant: pizzeria,
      item: margherita,
      startNewCart: true,
    });
    expect(fresh.restaurant).toEqual(pizzeria);
    expect(orderLinesOf(fresh)).toEqual([{ itemId: "margherita", quantity: 1 }]);
  });

  it("startNewCart on the same restaurant keeps what is already there", () => {
    const cart = cartReducer(run(add()), {
      type: "add",
      restaurant: dosaHouse,
      item: lassi,
      startNewCart: true,
    });
    expect(itemCount(cart)).toBe(2);
  });

  it("stops at 20 of one dish", () => {
    const cart = run(...Array.from({ length: CART_LIMITS.maxQuantity }, () => add()));
    expect(quantityOf(cart, dosa.id)).toBe(20);
    expect(checkAdd(cart, dosaHouse.id, dosa.id)).toBe("line-at-max");
    expect(cartReducer(cart, add())).toBe(cart);
  });

  it("stops at 30 different dishes", () => {
    const dishes = Array.from({ length: CART_LIMITS.maxLines }, (_, i) => ({
      id: `dish-${i}`,
      name: `Dish ${i}`,
      priceCents: 100,
    }));
    const cart = run(...dishes.map((d) => add(d)));
    expect(cart.lines).toHaveLength(30);
    expect(checkAdd(cart, dosaHouse.id, "dish-31")).toBe("cart-full");
    expect(cartReducer(cart, add({ id: "dish-31", name: "One too many", priceCents: 100 }))).toBe(cart);
    // More of a dish already in the cart is still fine.
    expect(checkAdd(cart, dosaHouse.id, "dish-0")).toBe("ok");
  });
});

describe("editing the cart", () => {
  it("sets a quantity within 1–20", () => {
    const cart = run(add());
    expect(quantityOf(cartReducer(cart, { type: "setQuantity", key: dosa.id, quantity: 5 }), dosa.id)).toBe(
      5,
    );
    expect(quantityOf(cartReducer(cart, { type: "setQuantity", key: dosa.id, quantity: 99 }), dosa.id)).toBe(
      20,
    );
    expect(quantityOf(cartReducer(cart, { type: "setQuantity", key: dosa.id, quantity: 0 }), dosa.id)).toBe(
      1,
    );
    expect(quantityOf(cartReducer(cart, { type: "setQuantity", key: dosa.id, quantity: 2.7 }), dosa.id)).toBe(
      2,
    );
    expect(cartReducer(cart, { type: "setQuantity", key: dosa.id, quantity: Number.NaN })).toBe(cart);
    expect(cartReducer(cart, { type: "setQuantity", key: "unknown", quantity: 3 })).toBe(cart);
  });

  it("removes a line, and forgets the restaurant with the last one", () => {
    const cart = run(add(), add(lassi));
    const withoutDosa = cartReducer(cart, { type: "remove", key: dosa.id });
    expect(orderLinesOf(withoutDosa)).toEqual([{ itemId: "mango-lassi", quantity: 1 }]);
    expect(cartReducer(withoutDosa, { type: "remove", key: lassi.id })).toEqual(emptyCart);
  });

  it("clears", () => {
    expect(cartReducer(run(add(), add(lassi)), { type: "clear" })).toEqual(emptyCart);
  });
});

describe("totals", () => {
  it("counts items and estimates the subtotal from menu prices", () => {
    const cart = run(add(), add(), add(lassi));
    expect(itemCount(cart)).toBe(3);
    expect(subtotalCents(cart)).toBe(2 * 1150 + 450);
    expect(orderLinesOf(cart)).toEqual([
      { itemId: "masala-dosa", quantity: 2 },
      { itemId: "mango-lassi", quantity: 1 },
    ]);
  });

  it("never puts a price in what is sent to the server", () => {
    for (const line of orderLinesOf(run(add(), add(lassi))))
      expect(Object.keys(line).sort()).toEqual(["itemId", "quantity"]);
  });
});

describe("parseCart (reading localStorage)", () => {
  it("round-trips a saved cart", () => {
    const cart = run(add(), add(lassi));
    expect(parseCart(JSON.parse(JSON.stringify(cart)))).toEqual(cart);
  });

  it("turns anything malformed into an empty cart", () => {
    for (const junk of [
      null,
      42,
      "cart",
      [],
      {},
      { restaurant: dosaHouse },
      { restaurant: null, lines: [] },
    ]) {
      expect(parseCart(junk)).toEqual(emptyCart);
    }
  });

  it("drops bad lines and duplicates, and clamps quantities", () => {
    const stored = {
      restaurant: dosaHouse,
      lines: [
        { itemId: "masala-dosa", name: "Masala dosa", unitPriceCents: 1150, quantity: 50 },
        { itemId: "masala-dosa", name: "Masala dosa", unitPriceCents: 1150, quantity: 1 },
        { itemId: "bad-price", name: "Bad", unitPriceCents: "free", quantity: 1 },
        { name: "No id", unitPriceCents: 100, quantity: 1 },
      ],
    };
    expect(parseCart(stored).lines).toEqual([
      {
        key: "masala-dosa",
        itemId: "masala-dosa",
        name: "Masala dosa",
        unitPriceCents: 1150,
        quantity: 20,
        options: [],
      },
    ]);
  });
});

describe("dishes with options", () => {
  const curry = { id: "rogan-josh", name: "Rogan Josh", priceCents: 1895 };
  const hot = {
    groupId: "spice",
    groupName: "Spice level",
    optionId: "hot",
    name: "Hot",
    priceDeltaCents: 0,
  };
  const mild = {
    groupId: "spice",
    groupName: "Spice level",
    optionId: "mild",
    name: "Mild",
    priceDeltaCents: 0,
  };
  const raita = {
    groupId: "extras",
    groupName: "Extras",
    optionId: "raita",
    name: "Raita",
    priceDeltaCents: 150,
  };
  const naan = {
    groupId: "extras",
    groupName: "Extras",
    optionId: "naan",
    name: "Naan",
    priceDeltaCents: 395,
  };
  const addCurry = (options: (typeof hot)[], quantity?: number): CartAction => ({
    type: "add",
    restaurant: dosaHouse,
    item: curry,
    options,
    quantity,
  });

  it("keeps the same dish with different options as different lines, priced base + deltas", () => {
    const cart = run(addCurry([hot, raita]), addCurry([mild]), addCurry([raita, hot], 2));
    expect(cart.lines.map((l) => [l.quantity, l.unitPriceCents, optionsText(l.options)])).toEqual([
      [3, 1895 + 150, "Spice level: Hot · Extras: Raita"],
      [1, 1895, "Spice level: Mild"],
    ]);
    expect(quantityOf(cart, curry.id)).toBe(4);
    expect(subtotalCents(cart)).toBe(3 * 2045 + 1895);
  });

  it("sends each line's choice grouped by option group, and never a price", () => {
    const cart = run(addCurry([hot, raita, naan]));
    expect(orderLinesOf(cart)).toEqual([
      {
        itemId: curry.id,
        quantity: 1,
        options: [
          { groupId: "spice", optionIds: ["hot"] },
          { groupId: "extras", optionIds: ["raita", "naan"] },
        ],
      },
    ]);
  });

  it("changes and removes one line by its key, leaving the same dish's other lines", () => {
    const cart = run(addCurry([hot]), addCurry([mild]));
    const [hotLine] = cart.lines;
    if (!hotLine) throw new Error("no line");
    expect(hotLine.key).toBe("rogan-josh|spice=hot");
    const more = cartReducer(cart, { type: "setQuantity", key: hotLine.key, quantity: 4 });
    expect(more.lines.map((l) => l.quantity)).toEqual([4, 1]);
    const fewer = cartReducer(more, { type: "remove", key: hotLine.key });
    expect(fewer.lines.map((l) => l.key)).toEqual(["rogan-josh|spice=mild"]);
  });

  it("reads a stored line with options back, and drops one whose options are malformed", () => {
    const stored = run(addCurry([hot, raita]));
    expect(parseCart(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    const broken = {
      restaurant: dosaHouse,
      lines: [
        { itemId: curry.id, name: curry.name, unitPriceCents: 1895, quantity: 1, options: [{ groupId: 1 }] },
      ],
    };
    expect(parseCart(broken)).toEqual(emptyCart);
  });
});
