import { describe, expect, it } from "vitest";
import { cartReducer, emptyCart } from "../cart/cart";
import { cartActionsFor, type ReorderAnswer, reorderNotes } from "./reorder";

const answer: ReorderAnswer = {
  restaurant: { id: "bombay-tiffin-house", slug: "bombay-tiffin-house", name: "Bombay Tiffin House" },
  lines: [
    {
      itemId: "butter-chicken",
      name: "Butter Chicken",
      quantity: 2,
      unitPriceCents: 1845,
      options: [
        { groupId: "spice", groupName: "Spice level", optionId: "hot", name: "Hot", priceDeltaCents: 50 },
      ],
    },
    { itemId: "garlic-naan", name: "Garlic Naan", quantity: 3, unitPriceCents: 395, options: [] },
  ],
  problem: null,
  changes: {
    priceChanges: [
      { itemId: "butter-chicken", name: "Butter Chicken", oldUnitPriceCents: 1695, newUnitPriceCents: 1795 },
    ],
    unavailable: [{ itemId: "mango-kulfi", name: "Mango Kulfi", reason: "Mango Kulfi is sold out." }],
  },
};

describe("reorder into the cart", () => {
  it("replaces whatever the cart held with the still-available lines, quantities and today's prices", () => {
    const before = cartReducer(emptyCart, {
      type: "add",
      restaurant: { id: "nonna-rosa", slug: "nonna-rosa", name: "Nonna Rosa" },
      item: { id: "margherita", name: "Margherita", priceCents: 1450 },
    });
    const after = cartActionsFor(answer).reduce(cartReducer, before);
    expect(after.restaurant).toEqual(answer.restaurant);
    expect(after.lines).toEqual([
      {
        key: "butter-chicken|spice=hot",
        itemId: "butter-chicken",
        name: "Butter Chicken",
        unitPriceCents: 1845,
        quantity: 2,
        options: answer.lines[0]?.options,
      },
      {
        key: "garlic-naan",
        itemId: "garlic-naan",
        name: "Garlic Naan",
        unitPriceCents: 395,
        quantity: 3,
        options: [],
      },
    ]);
  });

  it("says what changed, naming each dish", () => {
    expect(reorderNotes(answer)).toEqual([
      "Butter Chicken now costs $17.95 (it was $16.95).",
      "Mango Kulfi was left out: Mango Kulfi is sold out.",
    ]);
  });

  it("empties the cart when nothing can be ordered again, and says why", () => {
    const none = {
      ...answer,
      lines: [],
      problem: "None of the dishes are available.",
      changes: { priceChanges: [], unavailable: [] },
    };
    expect(cartActionsFor(none).reduce(cartReducer, emptyCart)).toEqual(emptyCart);
    expect(reorderNotes(none)).toEqual(["None of the dishes are available."]);
  });
});
