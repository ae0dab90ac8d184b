import type { ChoosableOption } from "../src/option-choice";

/*
 * Option groups for tests (the option rules in contracts, the menu page's chooser, orders' pricing and
 * reorder): a curry's required pick-one spice level and its optional extras, built the same way everywhere.
 */

/** A group as the catalog v2 sends it (plain, mutable arrays, so orders' replica types accept it too). */
export interface OptionGroupFixture {
  id: string;
  name: string;
  min: number;
  max: number;
  options: ChoosableOption[];
}

export const option = (id: string, name: string, priceDeltaCents = 0, available = true): ChoosableOption => ({
  id,
  name,
  priceDeltaCents,
  available,
});

export const optionGroup = (
  id: string,
  name: string,
  { min, max }: { min: number; max: number },
  options: ChoosableOption[],
): OptionGroupFixture => ({ id, name, min, max, options });

/** "Spice level": exactly one of Mild (free) and Hot (`hotDeltaCents`). */
export const spiceLevel = (hotDeltaCents = 0): OptionGroupFixture =>
  optionGroup("spice", "Spice level", { min: 1, max: 1 }, [
    option("mild", "Mild"),
    option("hot", "Hot", hotDeltaCents),
  ]);

/** "Extras": up to two of `options`. */
export const extrasOf = (...options: ChoosableOption[]): OptionGroupFixture =>
  optionGroup("extras", "Extras", { min: 0, max: 2 }, options);
