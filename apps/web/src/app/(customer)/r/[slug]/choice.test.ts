import type { ChoosableGroup } from "@tiffin/contracts/option-choice";
import { extrasOf, option, spiceLevel } from "@tiffin/contracts/testing/option-groups";
import { describe, expect, it } from "vitest";
import { cartOptionsOf, emptyChoice, groupProblems, groupRule, toggleOption } from "./choice";

const spice: ChoosableGroup = spiceLevel();
const extras: ChoosableGroup = extrasOf(
  option("raita", "Raita", 150),
  option("naan", "Naan", 395),
  option("papad", "Papad", 100),
  option("lamb", "Extra lamb", 400, false),
);

describe("the options chooser's choice", () => {
  it("swaps the choice in a pick-one group and keeps a required one picked", () => {
    let choice = toggleOption(emptyChoice(), spice, "mild");
    choice = toggleOption(choice, spice, "hot");
    expect(choice.spice).toEqual(["hot"]);
    expect(toggleOption(choice, spice, "hot").spice).toEqual(["hot"]);
  });

  it("stops at a group's maximum and never picks a sold-out option", () => {
    let choice = toggleOption(emptyChoice(), extras, "raita");
    choice = toggleOption(choice, extras, "naan");
    expect(toggleOption(choice, extras, "papad").extras).toEqual(["raita", "naan"]);
    expect(toggleOption(emptyChoice(), extras, "lamb")).toEqual({});
    expect(toggleOption(choice, extras, "raita").extras).toEqual(["naan"]);
  });

  it("explains each group's rule, and what is missing, as orders would refuse it", () => {
    expect(groupRule(spice)).toBe("Required · choose 1");
    expect(groupRule(extras)).toBe("Optional · choose up to 2");
    expect(groupRule({ min: 2, max: 4 })).toBe("Required · choose 2 to 4");
    expect(groupProblems("Rogan Josh", [spice, extras], emptyChoice())).toEqual({
      spice: 'choose an option for "Spice level".',
    });
    expect(groupProblems("Rogan Josh", [spice, extras], { spice: ["hot"] })).toEqual({});
  });

  it("gives the cart the chosen options in the menu's order, with their prices", () => {
    const choice = toggleOption(
      toggleOption(toggleOption(emptyChoice(), extras, "naan"), extras, "raita"),
      spice,
      "hot",
    );
    expect(
      cartOptionsOf([spice, extras], choice).map((o) => [o.groupName, o.name, o.priceDeltaCents]),
    ).toEqual([
      ["Spice level", "Hot", 0],
      ["Extras", "Raita", 150],
      ["Extras", "Naan", 395],
    ]);
  });
});
