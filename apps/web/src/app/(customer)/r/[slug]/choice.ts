import { type ChoosableGroup, chosenOptions, optionChoiceProblem } from "@tiffin/contracts/option-choice";
import type { CartOption } from "@/cart/cart";

/**
 * What the options chooser holds: the option ids picked per group. Pure functions, so the rules the page
 * explains are the ones orders enforces (@tiffin/contracts/option-choice) and can be tested without a DOM.
 */
export type Choice = Record<string, string[]>;

export const emptyChoice = (): Choice => ({});

/** Picks or unpicks `optionId`: a pick-one group (max 1) swaps its choice; others stop at their max. */
export const toggleOption = (choice: Choice, group: ChoosableGroup, optionId: string): Choice => {
  const option = group.options.find((o) => o.id === optionId);
  if (!option?.available) return choice;
  const picked = choice[group.id] ?? [];
  if (picked.includes(optionId)) {
    // A pick-one required group keeps its choice: a radio button cannot be unticked.
    if (group.max === 1 && group.min >= 1) return choice;
    return { ...choice, [group.id]: picked.filter((id) => id !== optionId) };
  }
  if (group.max === 1) return { ...choice, [group.id]: [optionId] };
  if (picked.length >= group.max) return choice;
  return { ...choice, [group.id]: [...picked, optionId] };
};

/** "Required · choose 1", "Optional · up to 3", "Choose 2 to 4". */
export const groupRule = (group: Pick<ChoosableGroup, "min" | "max">): string => {
  if (group.min === 0)
    return group.max === 1 ? "Optional · choose up to 1" : `Optional · choose up to ${group.max}`;
  if (group.min === group.max) return `Required · choose ${group.min}`;
  return `Required · choose ${group.min} to ${group.max}`;
};

const asChoices = (choice: Choice) =>
  Object.entries(choice)
    .filter(([, ids]) => ids.length > 0)
    .map(([groupId, optionIds]) => ({ groupId, optionIds }));

/** The message for each group whose rule the choice breaks (only those), keyed by group id. */
export const groupProblems = (itemName: string, groups: readonly ChoosableGroup[], choice: Choice) => {
  const problems: Record<string, string> = {};
  for (const group of groups) {
    const problem = optionChoiceProblem(itemName, [group], asChoices({ [group.id]: choice[group.id] ?? [] }));
    // Shown inside the group's box: its name is already there.
    if (problem) problems[group.id] = problem.message.replace(`${itemName}: `, "");
  }
  return problems;
};

/** The chosen options in the item's order, as the cart keeps them. */
export const cartOptionsOf = (groups: readonly ChoosableGroup[], choice: Choice): CartOption[] =>
  chosenOptions(groups, asChoices(choice)).map(({ groupId, groupName, optionId, name, priceDeltaCents }) => ({
    groupId,
    groupName,
    optionId,
    name,
    priceDeltaCents,
  }));
