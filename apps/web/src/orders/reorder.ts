import type { CartAction, CartOption, CartRestaurant } from "../cart/cart";

/** What `orders.reorder` answers (see packages/orders/src/domain/reorder.ts), as far as the page needs it. */
export interface ReorderAnswer {
  restaurant: CartRestaurant;
  /** `unitPriceCents` includes the options' deltas. */
  lines: { itemId: string; name: string; quantity: number; unitPriceCents: number; options: CartOption[] }[];
  problem: string | null;
  changes: {
    priceChanges: { itemId: string; name: string; oldUnitPriceCents: number; newUnitPriceCents: number }[];
    unavailable: { itemId: string; name: string; reason: string }[];
  };
}

/** The cart actions that make the cart hold exactly the re-priced lines of an old order, options included. */
export const cartActionsFor = (answer: ReorderAnswer): CartAction[] => [
  { type: "clear" },
  ...answer.lines.map(
    (line): CartAction => ({
      type: "add",
      restaurant: answer.restaurant,
      // The cart adds the options' deltas to the dish's own price.
      item: {
        id: line.itemId,
        name: line.name,
        priceCents: line.unitPriceCents - line.options.reduce((sum, o) => sum + o.priceDeltaCents, 0),
      },
      options: line.options,
      quantity: line.quantity,
      startNewCart: true,
    }),
  ),
];

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** What changed since the order, sentence by sentence, for the notice on the history page. */
export const reorderNotes = (answer: ReorderAnswer): string[] => {
  const notes: string[] = [];
  for (const change of answer.changes.priceChanges) {
    notes.push(
      `${change.name} now costs ${money(change.newUnitPriceCents)} (it was ${money(change.oldUnitPriceCents)}).`,
    );
  }
  for (const gone of answer.changes.unavailable) {
    notes.push(`${gone.name} was left out: ${gone.reason}`);
  }
  if (answer.problem) notes.push(answer.problem);
  return notes;
};
