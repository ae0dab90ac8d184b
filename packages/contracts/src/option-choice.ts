/**
 * The rules of an item's option groups, shared by orders (which prices and refuses from its replica) and
 * the menu page (which explains before sending): same checks, same messages. Plain data in, no schema.
 */

export interface ChoosableOption {
  id: string;
  name: string;
  priceDeltaCents: number;
  available: boolean;
}

export interface ChoosableGroup {
  id: string;
  name: string;
  /** Fewest options to pick (required when >= 1) and most (a radio group when 1). */
  min: number;
  max: number;
  options: readonly ChoosableOption[];
}

/** A customer's choice in one group of an item. */
export interface OptionChoice {
  groupId: string;
  optionIds: readonly string[];
}

export interface ChosenOption {
  groupId: string;
  groupName: string;
  optionId: string;
  name: string;
  priceDeltaCents: number;
}

export type ChoiceProblem = { groupId?: string; message: string };

/**
 * The first way `choices` break `groups` (unknown group or option, sold-out option, too few, too many,
 * the same group twice), or undefined. Messages name the item and the group.
 */
export const optionChoiceProblem = (
  itemName: string,
  groups: readonly ChoosableGroup[],
  choices: readonly OptionChoice[],
): ChoiceProblem | undefined => {
  const seen = new Set<string>();
  for (const choice of choices) {
    const group = groups.find((g) => g.id === choice.groupId);
    if (!group) return { message: `${itemName} no longer has one of the option groups you chose from.` };
    if (seen.has(group.id)) {
      return { groupId: group.id, message: `${itemName}: "${group.name}" was sent twice; send it once.` };
    }
    seen.add(group.id);
    if (new Set(choice.optionIds).size !== choice.optionIds.length) {
      return {
        groupId: group.id,
        message: `${itemName}: the same option was chosen twice in "${group.name}".`,
      };
    }
  }
  for (const group of groups) {
    const chosen = choices.find((c) => c.groupId === group.id)?.optionIds ?? [];
    for (const id of chosen) {
      const option = group.options.find((o) => o.id === id);
      if (!option) {
        return {
          groupId: group.id,
          message: `${itemName}: one choice in "${group.name}" is no longer offered.`,
        };
      }
      if (!option.available) {
        return { groupId: group.id, message: `${itemName}: "${option.name}" (${group.name}) is sold out.` };
      }
    }
    if (chosen.length < group.min) {
      return {
        groupId: group.id,
        message:
          group.min === 1
            ? `${itemName}: choose an option for "${group.name}".`
            : `${itemName}: choose at least ${group.min} options for "${group.name}".`,
      };
    }
    if (chosen.length > group.max) {
      return {
        groupId: group.id,
        message: `${itemName}: choose at most ${group.max} option${group.max === 1 ? "" : "s"} for "${group.name}".`,
      };
    }
  }
  return undefined;
};

/** The chosen options in the item's group and option order (assumes the choice passed the checks). */
export const chosenOptions = (
  groups: readonly ChoosableGroup[],
  choices: readonly OptionChoice[],
): ChosenOption[] =>
  groups.flatMap((group) => {
    const ids = choices.find((c) => c.groupId === group.id)?.optionIds ?? [];
    return group.options
      .filter((o) => ids.includes(o.id))
      .map((o) => ({
        groupId: group.id,
        groupName: group.name,
        optionId: o.id,
        name: o.name,
        priceDeltaCents: o.priceDeltaCents,
      }));
  });

/** One unit's price: the item's base price plus every chosen option's delta. */
export const unitPriceWithOptions = (basePriceCents: number, chosen: readonly ChosenOption[]): number =>
  chosen.reduce((sum, o) => sum + o.priceDeltaCents, basePriceCents);

/**
 * The same choice written the same way whatever order it was made in (groups in the item's order,
 * options sorted): equal keys mean the same cart line.
 */
export const choiceKey = (groups: readonly ChoosableGroup[], choices: readonly OptionChoice[]): string =>
  groups
    .map((g) => {
      const ids = [...(choices.find((c) => c.groupId === g.id)?.optionIds ?? [])].sort();
      return ids.length ? `${g.id}=${ids.join(",")}` : "";
    })
    .filter(Boolean)
    .join(";");
