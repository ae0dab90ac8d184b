import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extrasOf, option, spiceLevel } from "../test/option-groups";
import {
  type ChoosableGroup,
  choiceKey,
  chosenOptions,
  optionChoiceProblem,
  unitPriceWithOptions,
} from "./option-choice";

const spice: ChoosableGroup = spiceLevel();
const extras: ChoosableGroup = extrasOf(
  option("paneer", "Extra paneer", 250, false),
  option("raita", "Raita", 150),
  option("naan", "Naan", 395),
  option("chutney", "Chutney", 100),
);
const groups = [spice, extras];

describe("option choice rules", () => {
  it("accepts a choice within every group's rules", () => {
    expect(optionChoiceProblem("Curry", groups, [{ groupId: "spice", optionIds: ["hot"] }])).toBeUndefined();
    expect(
      optionChoiceProblem("Curry", groups, [
        { groupId: "extras", optionIds: ["raita", "naan"] },
        { groupId: "spice", optionIds: ["mild"] },
      ]),
    ).toBeUndefined();
  });

  it.each([
    ["a required group left empty", [], /Curry: choose an option for "Spice level"/],
    [
      "too many in a group",
      [
        { groupId: "spice", optionIds: ["mild"] },
        { groupId: "extras", optionIds: ["raita", "naan", "chutney"] },
      ],
      /choose at most 2 options for "Extras"/,
    ],
    ["two in a pick-one group", [{ groupId: "spice", optionIds: ["mild", "hot"] }], /at most 1 option for/],
    ["an unknown group", [{ groupId: "sauce", optionIds: ["x"] }], /no longer has one of the option groups/],
    [
      "an unknown option",
      [{ groupId: "spice", optionIds: ["volcanic"] }],
      /"Spice level" is no longer offered/,
    ],
    [
      "a sold-out option",
      [
        { groupId: "spice", optionIds: ["mild"] },
        { groupId: "extras", optionIds: ["paneer"] },
      ],
      /"Extra paneer" \(Extras\) is sold out/,
    ],
    ["the same option twice", [{ groupId: "spice", optionIds: ["mild", "mild"] }], /chosen twice/],
    [
      "the same group twice",
      [
        { groupId: "spice", optionIds: ["mild"] },
        { groupId: "spice", optionIds: ["hot"] },
      ],
      /sent twice/,
    ],
  ])("refuses %s, naming the item and group", (_, choices, message) => {
    expect(optionChoiceProblem("Curry", groups, choices)?.message).toMatch(message);
  });

  it("prices a unit as base + the chosen deltas, whatever order they were chosen in", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.subarray(["raita", "naan"]),
        fc.constantFrom("mild", "hot"),
        (base, extraIds, spiceId) => {
          const choices = [
            { groupId: "extras", optionIds: [...extraIds].reverse() },
            { groupId: "spice", optionIds: [spiceId] },
          ];
          const chosen = chosenOptions(groups, choices);
          const deltas = extraIds.reduce((s, id) => s + (id === "raita" ? 150 : 395), 0);
          expect(unitPriceWithOptions(base, chosen)).toBe(base + deltas);
          expect(choiceKey(groups, choices)).toBe(choiceKey(groups, [...choices].reverse()));
        },
      ),
    );
  });
});
