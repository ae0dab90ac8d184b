import { option } from "@tiffin/contracts/testing/option-groups";
import { DomainError } from "@tiffin/kit/domain-error";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { curryWithOptions, replicatedMenu } from "../../test/factories";
import { priceOrder, type RequestedLine, SERVICE_FEE_RATE } from "./pricing";

/** A curry with a required pick-one spice level and up to two priced extras (one sold out). */
const curry = curryWithOptions(
  option("raita", "Cucumber raita", 150),
  option("naan", "Garlic naan", 395),
  option("lamb", "Extra lamb", 400, false),
);
const menu = replicatedMenu({ minimumOrderCents: 0, items: [curry] });

const refusalOf = (lines: RequestedLine[]): DomainError => {
  try {
    priceOrder(menu, lines);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected a refusal for ${JSON.stringify(lines)}`);
};

const hot = { groupId: "spice", optionIds: ["hot"] };

describe("priceOrder with options", () => {
  it("prices each unit as the base price plus the chosen options' deltas, times the quantity", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("mild", "hot"),
        fc.subarray(["raita", "naan"]),
        fc.integer({ min: 1, max: 20 }),
        (spice, extras, quantity) => {
          const quote = priceOrder(menu, [
            {
              itemId: curry.id,
              quantity,
              options: [
                { groupId: "extras", optionIds: extras },
                { groupId: "spice", optionIds: [spice] },
              ],
            },
          ]);
          const deltas = extras.reduce((sum, id) => sum + (id === "raita" ? 150 : 395), 0);
          const [line] = quote.lines;
          expect(line?.unitPriceCents).toBe(1895 + deltas);
          expect(line?.lineTotalCents).toBe((1895 + deltas) * quantity);
          expect(quote.subtotalCents).toBe((1895 + deltas) * quantity);
          expect(quote.serviceFeeCents).toBe(Math.round(quote.subtotalCents * SERVICE_FEE_RATE));
          // Named and priced on the line, in the item's group order, for the order page and the kitchen.
          expect(line?.options.map((o) => o.optionId)).toEqual([
            spice,
            ...["raita", "naan"].filter((id) => extras.includes(id)),
          ]);
        },
      ),
    );
  });

  it("keeps the same dish with different options as separate lines, and merges identical choices", () => {
    const quote = priceOrder(menu, [
      { itemId: curry.id, quantity: 1, options: [hot, { groupId: "extras", optionIds: ["raita", "naan"] }] },
      { itemId: curry.id, quantity: 2, options: [{ groupId: "spice", optionIds: ["mild"] }] },
      { itemId: curry.id, quantity: 1, options: [{ groupId: "extras", optionIds: ["naan", "raita"] }, hot] },
    ]);
    expect(quote.lines.map((l) => [l.quantity, l.unitPriceCents, l.options.map((o) => o.name)])).toEqual([
      [2, 1895 + 150 + 395, ["Hot", "Cucumber raita", "Garlic naan"]],
      [2, 1895, ["Mild"]],
    ]);
    expect(quote.subtotalCents).toBe(2 * (1895 + 545) + 2 * 1895);
  });

  it.each([
    [
      "no choice in a required group",
      [],
      /^Lamb Rogan Josh: choose an option for "Spice level"\.$/,
      "lamb-rogan-josh.spice",
    ],
    [
      "two in a pick-one group",
      [{ groupId: "spice", optionIds: ["mild", "hot"] }],
      /^Lamb Rogan Josh: choose at most 1 option for "Spice level"\.$/,
      "lamb-rogan-josh.spice",
    ],
    [
      "too many extras",
      [hot, { groupId: "extras", optionIds: ["raita", "naan", "lamb"] }],
      /Extra lamb|at most 2 options for "Extras"/,
      "lamb-rogan-josh.extras",
    ],
    [
      "a sold-out option",
      [hot, { groupId: "extras", optionIds: ["lamb"] }],
      /^Lamb Rogan Josh: "Extra lamb" \(Extras\) is sold out\.$/,
      "lamb-rogan-josh.extras",
    ],
    [
      "an unknown option",
      [{ groupId: "spice", optionIds: ["volcanic"] }],
      /^Lamb Rogan Josh: one choice in "Spice level" is no longer offered\.$/,
      "lamb-rogan-josh.spice",
    ],
    [
      "an unknown group",
      [hot, { groupId: "sauces", optionIds: ["mint"] }],
      /^Lamb Rogan Josh no longer has one of the option groups you chose from\.$/,
      "lamb-rogan-josh",
    ],
  ])("refuses %s with a 400 naming the item and the group", (_, options, message, field) => {
    const error = refusalOf([{ itemId: curry.id, quantity: 1, options }]);
    expect(error.kind).toBe("invalid");
    expect(error.message).toMatch(message);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
  });

  it("refuses any choice on a dish that has no options", () => {
    const plain = replicatedMenu({
      minimumOrderCents: 0,
      items: [{ id: "dal", name: "Dal", priceCents: 900, available: true, optionGroups: [] }],
    });
    expect(() => priceOrder(plain, [{ itemId: "dal", quantity: 1, options: [hot] }])).toThrow(
      /Dal no longer has one of the option groups/,
    );
    expect(priceOrder(plain, [{ itemId: "dal", quantity: 1 }]).lines[0]?.options).toEqual([]);
  });
});
