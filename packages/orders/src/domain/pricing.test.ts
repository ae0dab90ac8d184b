import { DomainError, type DomainErrorKind } from "@tiffin/kit/domain-error";
import { describe, expect, it } from "vitest";
import { fixtureMenu, menuWithDishes, replicatedMenu } from "../../test/factories";
import type { ReplicatedMenu } from "./menu-replica";
import { priceOrder, type RequestedLine } from "./pricing";

const { butterChicken, garlicNaan, mangoKulfi } = fixtureMenu;

/** The DomainError pricing refused with; fails the test if it priced the cart instead. */
const refusalOf = (menu: ReplicatedMenu | undefined, lines: RequestedLine[]): DomainError => {
  try {
    priceOrder(menu, lines);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected pricing to refuse ${JSON.stringify(lines)}, but it priced the cart`);
};

/** A menu with one dish at `priceCents` and no minimum, to pin the subtotal exactly. */
const singleDishMenu = (priceCents: number) =>
  replicatedMenu({
    minimumOrderCents: 0,
    items: [{ id: "dish", name: "Dish", priceCents, available: true, optionGroups: [] }],
  });

describe("priceOrder", () => {
  it("computes lines, subtotal, 5% service fee, delivery fee and total from the replica", () => {
    const quote = priceOrder(replicatedMenu(), [
      { itemId: butterChicken.id, quantity: 2 },
      { itemId: garlicNaan.id, quantity: 1 },
    ]);

    expect(quote).toEqual({
      restaurantId: fixtureMenu.restaurantId,
      restaurantName: fixtureMenu.restaurantName,
      lines: [
        {
          itemId: butterChicken.id,
          name: butterChicken.name,
          quantity: 2,
          unitPriceCents: 1695,
          lineTotalCents: 3390,
          options: [],
        },
        {
          itemId: garlicNaan.id,
          name: garlicNaan.name,
          quantity: 1,
          unitPriceCents: 395,
          lineTotalCents: 395,
          options: [],
        },
      ],
      subtotalCents: 3785,
      deliveryFeeCents: 299,
      serviceFeeCents: 189, // 5% of 3785 = 189.25
      totalCents: 3785 + 299 + 189,
      currency: "USD",
    });
  });

  it.each([
    { subtotal: 1000, fee: 50 },
    { subtotal: 1009, fee: 50 }, // 50.45 rounds down
    { subtotal: 1010, fee: 51 }, // 50.5 rounds half up
    { subtotal: 1690, fee: 85 }, // 84.5 rounds half up
    { subtotal: 1699, fee: 85 }, // 84.95 rounds up
    { subtotal: 4575, fee: 229 }, // the OrderPlaced fixture: 228.75
    { subtotal: 1, fee: 0 },
  ])("rounds the service fee on $subtotal cents to $fee cents", ({ subtotal, fee }) => {
    const quote = priceOrder(singleDishMenu(subtotal), [{ itemId: "dish", quantity: 1 }]);

    expect(quote.serviceFeeCents).toBe(fee);
    expect(quote.totalCents).toBe(subtotal + fee + fixtureMenu.deliveryFeeCents);
  });

  it("always returns whole cents", () => {
    for (let cents = 1; cents <= 2000; cents += 7) {
      const quote = priceOrder(singleDishMenu(cents), [{ itemId: "dish", quantity: 3 }]);
      expect(Number.isInteger(quote.serviceFeeCents) && Number.isInteger(quote.totalCents)).toBe(true);
    }
  });

  it("uses the restaurant's delivery fee, including a free delivery", () => {
    const lines = [{ itemId: butterChicken.id, quantity: 1 }];
    expect(priceOrder(replicatedMenu({ deliveryFeeCents: 0 }), lines).deliveryFeeCents).toBe(0);
    expect(priceOrder(replicatedMenu({ deliveryFeeCents: 0 }), lines).totalCents).toBe(1695 + 85);
    expect(priceOrder(replicatedMenu({ deliveryFeeCents: 499 }), lines).totalCents).toBe(1695 + 85 + 499);
  });

  it("merges the same dish on two lines into one line", () => {
    const quote = priceOrder(replicatedMenu(), [
      { itemId: butterChicken.id, quantity: 1 },
      { itemId: butterChicken.id, quantity: 2 },
    ]);

    expect(quote.lines).toEqual([
      {
        itemId: butterChicken.id,
        name: butterChicken.name,
        quantity: 3,
        unitPriceCents: 1695,
        lineTotalCents: 5085,
        options: [],
      },
    ]);
  });

  it("accepts the limits themselves: 1 and 20 of a dish, 30 lines, exactly the minimum order", () => {
    expect(priceOrder(replicatedMenu(), [{ itemId: butterChicken.id, quantity: 20 }]).subtotalCents).toBe(
      33_900,
    );
    const thirty = Array.from({ length: 30 }, (_, i) => ({ itemId: `dish-${i + 1}`, quantity: 1 }));
    expect(priceOrder(menuWithDishes(30), thirty).lines).toHaveLength(30);
    const atMinimum = priceOrder(replicatedMenu({ minimumOrderCents: 1695 }), [
      { itemId: butterChicken.id, quantity: 1 },
    ]);
    expect(atMinimum.subtotalCents).toBe(1695);
  });

  describe("refuses, with a message that names what to fix", () => {
    it.each<{
      case: string;
      menu: ReplicatedMenu | undefined;
      lines: RequestedLine[];
      kind: DomainErrorKind;
      message: RegExp;
    }>([
      {
        case: "an unknown restaurant",
        menu: undefined,
        lines: [{ itemId: butterChicken.id, quantity: 1 }],
        kind: "not_found",
        message: /couldn't find that restaurant/,
      },
      {
        case: "a closed restaurant",
        menu: replicatedMenu({ isOpen: false }),
        lines: [{ itemId: butterChicken.id, quantity: 1 }],
        kind: "unavailable",
        message: /^Bombay Tiffin House is closed right now/,
      },
      {
        case: "a dish that is not on the menu",
        menu: replicatedMenu(),
        lines: [{ itemId: "beef-wellington", quantity: 1 }],
        kind: "invalid",
        message: /no longer on Bombay Tiffin House's menu. Remove it/,
      },
      {
        case: "a sold-out dish",
        menu: replicatedMenu(),
        lines: [{ itemId: mangoKulfi.id, quantity: 1 }],
        kind: "unavailable",
        message: /^Mango Kulfi is sold out. Remove it from your cart/,
      },
      {
        case: "quantity 0",
        menu: replicatedMenu(),
        lines: [{ itemId: butterChicken.id, quantity: 0 }],
        kind: "invalid",
        message: /^Choose between 1 and 20 of Butter Chicken\.$/,
      },
      {
        case: "quantity 21",
        menu: replicatedMenu(),
        lines: [{ itemId: butterChicken.id, quantity: 21 }],
        kind: "invalid",
        message: /^Choose between 1 and 20 of Butter Chicken\.$/,
      },
      {
        case: "a non-integer quantity",
        menu: replicatedMenu(),
        lines: [{ itemId: butterChicken.id, quantity: 1.5 }],
        kind: "invalid",
        message: /^Choose between 1 and 20 of Butter Chicken\.$/,
      },
      {
        case: "a negative quantity",
        menu: replicatedMenu(),
        lines: [{ itemId: butterChicken.id, quantity: -2 }],
        kind: "invalid",
        message: /^Choose between 1 and 20 of Butter Chicken\.$/,
      },
      {
        case: "more than 20 of one dish split over two lines",
        menu: replicatedMenu(),
        lines: [
          { itemId: butterChicken.id, quantity: 15 },
          { itemId: butterChicken.id, quantity: 15 },
        ],
        kind: "invalid",
        message: /^Choose between 1 and 20 of Butter Chicken\.$/,
      },
      {
        case: "an empty cart",
        menu: replicatedMenu(),
        lines: [],
        kind: "invalid",
        message: /^Your cart is empty: add a dish first\.$/,
      },
      {
        case: "31 lines",
        menu: menuWithDishes(31),
        lines: Array.from({ length: 31 }, (_, i) => ({ itemId: `dish-${i + 1}`, quantity: 1 })),
        kind: "invalid",
        message: /at most 30 different dishes/,
      },
      {
        case: "a cart below the minimum order",
        menu: replicatedMenu(),
        lines: [{ itemId: garlicNaan.id, quantity: 1 }],
        kind: "unavailable",
        message: /^Add \$6\.05 more to reach Bombay Tiffin House's \$10\.00 minimum order\.$/,
      },
    ])("$case", ({ menu, lines, kind, message }) => {
      const error = refusalOf(menu, lines);

      expect(error.kind).toBe(kind);
      expect(error.message).toMatch(message);
    });

    it("points a form at the offending dish", () => {
      expect(refusalOf(replicatedMenu(), [{ itemId: "beef-wellington", quantity: 1 }]).fieldErrors).toEqual({
        "beef-wellington": "Not on the menu",
      });
      expect(refusalOf(replicatedMenu(), [{ itemId: mangoKulfi.id, quantity: 1 }]).fieldErrors).toEqual({
        [mangoKulfi.id]: "Sold out",
      });
      expect(refusalOf(replicatedMenu(), [{ itemId: butterChicken.id, quantity: 21 }]).fieldErrors).toEqual({
        [butterChicken.id]: "Quantity out of range",
      });
    });

    it("refuses a closed restaurant before looking at the cart", () => {
      const error = refusalOf(replicatedMenu({ isOpen: false }), [{ itemId: mangoKulfi.id, quantity: 99 }]);
      expect(error.message).toMatch(/closed right now/);
    });

    // The domain promises to refuse out-of-range quantities; merging first lets a bad line hide behind a good one.
    it("refuses a line with quantity 0 or below even when the same dish is on another line", () => {
      const error = refusalOf(replicatedMenu(), [
        { itemId: butterChicken.id, quantity: 3 },
        { itemId: butterChicken.id, quantity: -2 },
      ]);
      expect(error.kind).toBe("invalid");
      expect(error.message).toMatch(/Butter Chicken/);
    });
  });
});
