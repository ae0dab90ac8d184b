import { DomainError } from "@tiffin/kit/domain-error";
import { buildOptionGroups, MENU_LIMITS, type OptionGroupDraft, type Photo, slugOf, uniqueId } from "./menu";
import { checkPhotoRequest, inspectUploadedPhoto, PHOTO_RULES, photoKey } from "./photo";
import type { PhotoStore, PhotoUploadTarget, RestaurantRepository } from "./ports";
import {
  type DietaryTag,
  dietaryTags,
  type MenuCategory,
  type MenuItem,
  type Restaurant,
} from "./restaurant";

/** What staff send for a dish. No id: a new dish. A price is whole cents, validated by the router. */
export interface ItemDraft {
  id?: string;
  name: string;
  description: string;
  priceCents: number;
  dietary: DietaryTag[];
  available?: boolean;
  optionGroups: OptionGroupDraft[];
  /** Describes the photo for screen readers; only when the dish has one. */
  photoAlt?: string;
  /** Takes the photo off the dish (the file stays in the bucket). */
  removePhoto?: boolean;
}

/** The editor's view: everything staff can change, at the revision they are changing. */
export interface MenuEditorView {
  restaurant: { id: string; slug: string; name: string; revision: number };
  categories: MenuCategory[];
  dietaryTags: readonly DietaryTag[];
  limits: typeof MENU_LIMITS;
  photo: { contentTypes: readonly string[]; maxBytes: number };
}

export interface PhotoUpload extends PhotoUploadTarget {
  uploadId: string;
  maxBytes: number;
  expiresAt: string;
}

export interface MenuEditorDeps {
  restaurants: RestaurantRepository;
  photos?: PhotoStore;
  now: () => Date;
  newId: () => string;
  /** Saves `next` (its revision one past the one it was read at) with its catalog announcement, then publishes. */
  commit: (next: Restaurant, correlationId: string) => Promise<Restaurant>;
}

interface Staff {
  restaurants: { id: string }[];
}

const notFound = () =>
  new DomainError("not_found", "We couldn't find that restaurant. It may have moved or closed.");
const noItem = () =>
  new DomainError("not_found", "That dish isn't on the menu any more. Reload the menu to see what's there.");
const noCategory = () =>
  new DomainError(
    "not_found",
    "That menu section doesn't exist any more. Reload the menu to see what's there.",
  );
const invalid = (message: string, field: string) => new DomainError("invalid", message, { [field]: message });

const viewOf = (r: Restaurant): MenuEditorView => ({
  restaurant: { id: r.id, slug: r.slug, name: r.name, revision: r.revision },
  categories: r.menu,
  dietaryTags,
  limits: MENU_LIMITS,
  photo: { contentTypes: PHOTO_RULES.contentTypes, maxBytes: PHOTO_RULES.maxBytes },
});

const allItems = (r: Restaurant) => r.menu.flatMap((c) => c.items);

const findItem = (r: Restaurant, itemId: string): MenuItem => {
  const item = allItems(r).find((i) => i.id === itemId);
  if (!item) throw noItem();
  return item;
};

const mapItem = (r: Restaurant, itemId: string, change: (item: MenuItem) => MenuItem): Restaurant => {
  findItem(r, itemId);
  return {
    ...r,
    menu: r.menu.map((c) => ({ ...c, items: c.items.map((i) => (i.id === itemId ? change(i) : i)) })),
  };
};

/**
 * Staff edit their own restaurants' menus: every change is a new revision of the restaurant, saved with
 * the catalog snapshot that announces it (so orders' replica, and so the price charged, follow at once).
 * Another restaurant's menu gets the answer of one that does not exist. Each call answers with the
 * editor's view after the change.
 */
export const createMenuEditor = (deps: MenuEditorDeps) => {
  const ownRestaurant = async (staff: Staff, restaurantId: string): Promise<Restaurant> => {
    if (!staff.restaurants.some((r) => r.id === restaurantId)) throw notFound();
    const found = await deps.restaurants.byId(restaurantId);
    if (!found) throw notFound();
    return found;
  };

  const change = async (
    staff: Staff,
    restaurantId: string,
    correlationId: string,
    edit: (r: Restaurant) => Restaurant | Promise<Restaurant>,
  ): Promise<MenuEditorView> => {
    const current = await ownRestaurant(staff, restaurantId);
    const next = await edit(current);
    return viewOf(await deps.commit({ ...next, revision: current.revision + 1 }, correlationId));
  };

  const photos = (): PhotoStore => {
    if (!deps.photos) throw new DomainError("unavailable", "Photo uploads aren't available right now.");
    return deps.photos;
  };

  return {
    async menu(staff: Staff, restaurantId: string): Promise<MenuEditorView> {
      return viewOf(await ownRestaurant(staff, restaurantId));
    },

    /** Creates a section (no id) or renames one. */
    saveCategory: (
      staff: Staff,
      input: { restaurantId: string; category: { id?: string; name: string } },
      correlationId: string,
    ) =>
      change(staff, input.restaurantId, correlationId, (r) => {
        const { id, name } = input.category;
        const clash = r.menu.find(
          (c) => c.name.toLocaleLowerCase() === name.toLocaleLowerCase() && c.id !== id,
        );
        if (clash) throw invalid(`There is already a section called "${clash.name}".`, "category.name");
        if (id) {
          if (!r.menu.some((c) => c.id === id)) throw noCategory();
          return { ...r, menu: r.menu.map((c) => (c.id === id ? { ...c, name } : c)) };
        }
        if (r.menu.length >= MENU_LIMITS.categories) {
          throw invalid(`A menu can have at most ${MENU_LIMITS.categories} sections.`, "category");
        }
        const newId = uniqueId(slugOf(name), new Set(r.menu.map((c) => c.id)));
        return { ...r, menu: [...r.menu, { id: newId, name, items: [] }] };
      }),

    /** Only an empty section can go: dishes are never deleted by accident with their section. */
    deleteCategory: (
      staff: Staff,
      input: { restaurantId: string; categoryId: string },
      correlationId: string,
    ) =>
      change(staff, input.restaurantId, correlationId, (r) => {
        const category = r.menu.find((c) => c.id === input.categoryId);
        if (!category) throw noCategory();
        if (category.items.length > 0) {
          throw new DomainError(
            "conflict",
            `"${category.name}" still has ${category.items.length} dish${category.items.length === 1 ? "" : "es"}: move or delete them first.`,
          );
        }
        return { ...r, menu: r.menu.filter((c) => c.id !== input.categoryId) };
      }),

    /** Creates a dish (no id) in a section, or updates one (moving it when the section changed). */
    saveItem: (
      staff: Staff,
      input: { restaurantId: string; categoryId: string; item: ItemDraft },
      correlationId: string,
    ) =>
      change(staff, input.restaurantId, correlationId, (r) => {
        const { item: draft } = input;
        const target = r.menu.find((c) => c.id === input.categoryId);
        if (!target) throw noCategory();
        const existing = draft.id ? findItem(r, draft.id) : undefined;
        const optionGroups = buildOptionGroups(draft.optionGroups);
        if (!existing && target.items.length >= MENU_LIMITS.itemsPerCategory) {
          throw invalid(`A section can have at most ${MENU_LIMITS.itemsPerCategory} dishes.`, "categoryId");
        }
        let photo: Photo | undefined = existing?.photo;
        if (draft.removePhoto) photo = undefined;
        else if (photo && draft.photoAlt !== undefined)
          photo = { ...photo, alt: draft.photoAlt || draft.name };
        // Kept from the stored dish: its drawing and "popular" mark (not edited here).
        const { photo: _old, ...kept }: Partial<MenuItem> = existing ?? {};
        const saved: MenuItem = {
          ...kept,
          id: existing?.id ?? uniqueId(slugOf(draft.name), new Set(allItems(r).map((i) => i.id))),
          name: draft.name,
          description: draft.description,
          priceCents: draft.priceCents,
          dietary: dietaryTags.filter((t) => draft.dietary.includes(t)),
          available: draft.available ?? existing?.available ?? true,
          optionGroups,
          ...(photo ? { photo } : {}),
        };
        const menu = r.menu.map((c) => {
          const without = c.items.filter((i) => i.id !== saved.id);
          if (c.id !== target.id) return { ...c, items: without };
          // In place when it stays in its section; at the end when it is new or moved here.
          const inPlace = c.items.some((i) => i.id === saved.id);
          return {
            ...c,
            items: inPlace ? c.items.map((i) => (i.id === saved.id ? saved : i)) : [...without, saved],
          };
        });
        return { ...r, menu };
      }),

    deleteItem: (staff: Staff, input: { restaurantId: string; itemId: string }, correlationId: string) =>
      change(staff, input.restaurantId, correlationId, (r) => {
        findItem(r, input.itemId);
        return {
          ...r,
          menu: r.menu.map((c) => ({ ...c, items: c.items.filter((i) => i.id !== input.itemId) })),
        };
      }),

    /** Sold out (false) or back on (true). */
    setItemAvailability: (
      staff: Staff,
      input: { restaurantId: string; itemId: string; available: boolean },
      correlationId: string,
    ) =>
      change(staff, input.restaurantId, correlationId, (r) =>
        mapItem(r, input.itemId, (i) => ({ ...i, available: input.available })),
      ),

    setOptionAvailability: (
      staff: Staff,
      input: { restaurantId: string; itemId: string; groupId: string; optionId: string; available: boolean },
      correlationId: string,
    ) =>
      change(staff, input.restaurantId, correlationId, (r) =>
        mapItem(r, input.itemId, (item) => {
          const group = item.optionGroups.find((g) => g.id === input.groupId);
          const option = group?.options.find((o) => o.id === input.optionId);
          if (!group || !option) {
            throw new DomainError("not_found", `${item.name} has no such option any more. Reload the menu.`);
          }
          return {
            ...item,
            optionGroups: item.optionGroups.map((g) =>
              g.id !== group.id
                ? g
                : {
                    ...g,
                    options: g.options.map((o) =>
                      o.id === option.id ? { ...o, available: input.available } : o,
                    ),
                  },
            ),
          };
        }),
      ),

    /**
     * A presigned upload straight to the bucket, for one photo of the declared type and at most 2 MB.
     * Nothing is attached until `attachPhoto` has looked at what arrived.
     */
    async createPhotoUpload(
      staff: Staff,
      input: { restaurantId: string; contentType: string; sizeBytes: number },
    ): Promise<PhotoUpload> {
      await ownRestaurant(staff, input.restaurantId);
      checkPhotoRequest(input.contentType, input.sizeBytes);
      const uploadId = deps.newId();
      const target = await photos().presignUpload(photoKey(input.restaurantId, uploadId), {
        contentType: input.contentType,
        maxBytes: PHOTO_RULES.maxBytes,
        expiresSeconds: PHOTO_RULES.uploadExpiresSeconds,
      });
      return {
        ...target,
        uploadId,
        maxBytes: PHOTO_RULES.maxBytes,
        expiresAt: new Date(deps.now().getTime() + PHOTO_RULES.uploadExpiresSeconds * 1000).toISOString(),
      };
    },

    /** Checks the uploaded file (type from its bytes, size, dimensions) and makes it the dish's photo. */
    attachPhoto: (
      staff: Staff,
      input: { restaurantId: string; itemId: string; uploadId: string; alt?: string },
      correlationId: string,
    ) =>
      change(staff, input.restaurantId, correlationId, async (r) => {
        const item = findItem(r, input.itemId);
        const key = photoKey(input.restaurantId, input.uploadId);
        const { width, height } = await inspectUploadedPhoto(photos(), key);
        const photo: Photo = { key, width, height, alt: input.alt || item.photo?.alt || item.name };
        return mapItem(r, item.id, (i) => ({ ...i, photo }));
      }),
  };
};

export type MenuEditor = ReturnType<typeof createMenuEditor>;
