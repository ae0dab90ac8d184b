import { DomainError } from "@tiffin/kit/domain-error";

/**
 * The menu as staff edit it: categories of items, each item with its option groups ("Size": pick 1;
 * "Extras": up to 3) and a photo. Pure functions over plain data: each edit returns a new menu or
 * refuses with a DomainError naming what to fix, and never changes its input.
 */

export const MENU_LIMITS = {
  nameMax: 80,
  descriptionMax: 500,
  altMax: 200,
  /** $1,000.00: anything above is a typo, not a dish. */
  priceMaxCents: 100_000,
  /** An option can add at most $200.00. */
  priceDeltaMaxCents: 20_000,
  categories: 30,
  itemsPerCategory: 60,
  groupsPerItem: 10,
  optionsPerGroup: 20,
} as const;

/** An uploaded photo, served at `/media/<key>`; width and height let pages reserve its space. */
export interface Photo {
  key: string;
  width: number;
  height: number;
  alt: string;
}

export interface MenuOption {
  id: string;
  name: string;
  priceDeltaCents: number;
  /** False while sold out: shown, but cannot be chosen. */
  available: boolean;
}

/** A group of choices on an item. Required when `min >= 1`; a radio group when `max === 1`. */
export interface OptionGroup {
  id: string;
  name: string;
  min: number;
  max: number;
  options: MenuOption[];
}

export const isRequired = (group: Pick<OptionGroup, "min">): boolean => group.min >= 1;

/** Lowercase, dash-separated ids from a name ("Extra hot!" -> "extra-hot"); "x" when nothing is left. */
export const slugOf = (name: string): string =>
  name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "") || "x";

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export const uniqueId = (base: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
};

const invalid = (message: string, field: string) => new DomainError("invalid", message, { [field]: message });

/** What staff send for one group: ids are kept when given (carts refer to them), made up when not. */
export interface OptionGroupDraft {
  id?: string;
  name: string;
  min: number;
  max: number;
  options: { id?: string; name: string; priceDeltaCents: number; available?: boolean }[];
}

/**
 * Checks a group's rules and gives every group and option a stable id. `where` names the field in
 * messages ("optionGroups.1"), so the editor can point at it.
 */
export const buildOptionGroups = (drafts: OptionGroupDraft[]): OptionGroup[] => {
  if (drafts.length > MENU_LIMITS.groupsPerItem) {
    throw invalid(`A dish can have at most ${MENU_LIMITS.groupsPerItem} option groups.`, "optionGroups");
  }
  const groupIds = new Set<string>();
  return drafts.map((draft, g) => {
    const where = `optionGroups.${g}`;
    const label = `Option group "${draft.name}"`;
    if (draft.options.length === 0) {
      throw invalid(`${label} has no options: add at least one, or remove the group.`, `${where}.options`);
    }
    if (draft.options.length > MENU_LIMITS.optionsPerGroup) {
      throw invalid(`${label} can have at most ${MENU_LIMITS.optionsPerGroup} options.`, `${where}.options`);
    }
    if (draft.min > draft.max) {
      throw invalid(
        `${label}: the minimum (${draft.min}) can't be more than the maximum (${draft.max}).`,
        `${where}.min`,
      );
    }
    if (draft.max > draft.options.length) {
      throw invalid(
        `${label}: customers can't pick ${draft.max} of only ${draft.options.length} options. Lower the maximum or add options.`,
        `${where}.max`,
      );
    }
    const id = draft.id ?? uniqueId(slugOf(draft.name), groupIds);
    if (groupIds.has(id)) throw invalid(`Two option groups have the id "${id}".`, `${where}.id`);
    groupIds.add(id);
    const optionIds = new Set<string>();
    const names = new Set<string>();
    const options = draft.options.map((o, i) => {
      const key = o.name.toLocaleLowerCase();
      if (names.has(key)) {
        throw invalid(
          `${label} has "${o.name}" twice: give each option its own name.`,
          `${where}.options.${i}.name`,
        );
      }
      names.add(key);
      const optionId = o.id ?? uniqueId(slugOf(o.name), optionIds);
      if (optionIds.has(optionId)) {
        throw invalid(`${label} has two options with the id "${optionId}".`, `${where}.options.${i}.id`);
      }
      optionIds.add(optionId);
      return {
        id: optionId,
        name: o.name,
        priceDeltaCents: o.priceDeltaCents,
        available: o.available ?? true,
      };
    });
    return { id, name: draft.name, min: draft.min, max: draft.max, options };
  });
};
