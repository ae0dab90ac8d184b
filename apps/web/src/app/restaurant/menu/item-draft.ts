import type { DietaryTag, MenuItem } from "@tiffin/restaurants";

/*
 * The item form's state as typed (prices as the text in the box), and the saveItem input made from it.
 * Pure, so what the form sends is tested without a browser; the server checks everything again.
 */

export interface OptionDraft {
  /** React's key for a row (stable while editing); `id` is the server's, absent for a new option. */
  key: string;
  id?: string;
  name: string;
  price: string;
  available: boolean;
}

export interface GroupDraft {
  key: string;
  id?: string;
  name: string;
  min: string;
  max: string;
  options: OptionDraft[];
}

export interface ItemDraft {
  id?: string;
  categoryId: string;
  name: string;
  description: string;
  price: string;
  dietary: DietaryTag[];
  available: boolean;
  groups: GroupDraft[];
  photoAlt: string;
  removePhoto: boolean;
}

let counter = 0;
export const rowKey = (): string => `row-${++counter}`;

const dollars = (cents: number) => (cents / 100).toFixed(2);

/** "12.95", "$12.95", "12" -> cents; undefined for anything else (a negative price, letters, 3 decimals). */
export const centsOf = (text: string): number | undefined => {
  const match = /^\$?\s*(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
};

export const newOption = (): OptionDraft => ({ key: rowKey(), name: "", price: "0.00", available: true });
export const newGroup = (): GroupDraft => ({
  key: rowKey(),
  name: "",
  min: "1",
  max: "1",
  options: [newOption(), newOption()],
});

export const draftOf = (categoryId: string, item?: MenuItem): ItemDraft => ({
  id: item?.id,
  categoryId,
  name: item?.name ?? "",
  description: item?.description ?? "",
  price: item ? dollars(item.priceCents) : "",
  dietary: item?.dietary ?? [],
  available: item?.available ?? true,
  groups: (item?.optionGroups ?? []).map((g) => ({
    key: rowKey(),
    id: g.id,
    name: g.name,
    min: String(g.min),
    max: String(g.max),
    options: g.options.map((o) => ({
      key: rowKey(),
      id: o.id,
      name: o.name,
      price: dollars(o.priceDeltaCents),
      available: o.available,
    })),
  })),
  photoAlt: item?.photo?.alt ?? "",
  removePhoto: false,
});

/** The fields a person must fix before anything is sent, keyed like the server's field errors. */
export type DraftProblems = Record<string, string>;

const whole = (text: string): number | undefined =>
  /^\d{1,2}$/.test(text.trim()) ? Number(text) : undefined;

/**
 * The saveItem input for a draft, or the problems the form can see itself (prices it cannot read). What
 * needs the menu (names, min/max against the options) is the server's to say, in the same field names.
 */
export const saveInputOf = (
  restaurantId: string,
  draft: ItemDraft,
  hasPhoto: boolean,
): { input: unknown; problems?: undefined } | { input?: undefined; problems: DraftProblems } => {
  const problems: DraftProblems = {};
  const priceCents = centsOf(draft.price);
  if (priceCents === undefined) problems["item.priceCents"] = "Enter the price in dollars, e.g. 12.95.";
  const optionGroups = draft.groups.map((g, gi) => {
    const min = whole(g.min);
    const max = whole(g.max);
    if (min === undefined) problems[`item.optionGroups.${gi}.min`] = "Fewest choices must be a whole number.";
    if (max === undefined) problems[`item.optionGroups.${gi}.max`] = "Most choices must be a whole number.";
    return {
      ...(g.id ? { id: g.id } : {}),
      name: g.name,
      min: min ?? 0,
      max: max ?? 1,
      options: g.options.map((o, oi) => {
        const delta = centsOf(o.price);
        if (delta === undefined) {
          problems[`item.optionGroups.${gi}.options.${oi}.priceDeltaCents`] =
            "Enter what it adds, e.g. 1.50 (0 for nothing).";
        }
        return {
          ...(o.id ? { id: o.id } : {}),
          name: o.name,
          priceDeltaCents: delta ?? 0,
          available: o.available,
        };
      }),
    };
  });
  if (Object.keys(problems).length > 0) return { problems };
  return {
    input: {
      restaurantId,
      categoryId: draft.categoryId,
      item: {
        ...(draft.id ? { id: draft.id } : {}),
        name: draft.name,
        description: draft.description,
        priceCents,
        dietary: draft.dietary,
        available: draft.available,
        optionGroups,
        ...(hasPhoto && !draft.removePhoto ? { photoAlt: draft.photoAlt } : {}),
        ...(draft.removePhoto ? { removePhoto: true } : {}),
      },
    },
  };
};
