import { humanText } from "@tiffin/contracts/human-text";
import { staffProcedure } from "@tiffin/kit";
import { z } from "zod";
import { MENU_LIMITS } from "./domain/menu";
import { PHOTO_RULES } from "./domain/photo";
import { dietaryTags } from "./domain/restaurant";
import type { RestaurantsService } from "./domain/restaurants-service";
import { slugId, strict } from "./procedure-inputs";

/*
 * The menu editor's inputs: every text is human text (any script and emoji, refused characters named),
 * every number an integer in bounds, every object strict. A bad field is a 400 that names it; nothing
 * is saved.
 */

const RestaurantId = slugId("Restaurant id");
const CategoryId = slugId("Section id");
const ItemId = slugId("Dish id");
const GroupId = slugId("Option group id");
const OptionId = slugId("Option id");

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

const cents = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number of cents, e.g. 1295 for $12.95.` })
    .int(`${label} must be a whole number of cents.`)
    .min(0, `${label} can't be negative.`)
    .max(max, `${label} can be at most ${dollars(max)}.`);

const count = (label: string, min: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(MENU_LIMITS.optionsPerGroup, `${label} can be at most ${MENU_LIMITS.optionsPerGroup}.`);

const Available = z.boolean({ error: "Available must be true or false." });

const OptionInput = strict({
  id: OptionId.optional(),
  name: humanText({ label: "Option name", min: 1, max: 60 }),
  priceDeltaCents: cents("Option price", MENU_LIMITS.priceDeltaMaxCents),
  available: Available.optional(),
});

const OptionGroupInput = strict({
  id: GroupId.optional(),
  name: humanText({ label: "Option group name", min: 1, max: 60 }),
  min: count("Fewest choices", 0),
  max: count("Most choices", 1),
  options: z
    .array(OptionInput, { error: "Options must be a list." })
    .min(1, "An option group needs at least one option.")
    .max(
      MENU_LIMITS.optionsPerGroup,
      `An option group can have at most ${MENU_LIMITS.optionsPerGroup} options.`,
    ),
}).refine((g) => g.min <= g.max, {
  message: "The fewest choices can't be more than the most choices.",
  path: ["min"],
});

export const ItemInput = strict({
  id: ItemId.optional(),
  name: humanText({ label: "Dish name", min: 1, max: MENU_LIMITS.nameMax }),
  description: humanText({ label: "Description", max: MENU_LIMITS.descriptionMax, multiline: true }).default(
    "",
  ),
  priceCents: cents("Price", MENU_LIMITS.priceMaxCents),
  dietary: z
    .array(z.enum(dietaryTags, { error: `Dietary tags are: ${dietaryTags.join(", ")}.` }), {
      error: "Dietary tags must be a list.",
    })
    .max(dietaryTags.length, "Each dietary tag can be given once.")
    .default([]),
  available: Available.optional(),
  optionGroups: z
    .array(OptionGroupInput, { error: "Option groups must be a list." })
    .max(MENU_LIMITS.groupsPerItem, `A dish can have at most ${MENU_LIMITS.groupsPerItem} option groups.`)
    .default([]),
  photoAlt: humanText({ label: "Photo description", max: MENU_LIMITS.altMax }).optional(),
  removePhoto: z.boolean({ error: "removePhoto must be true or false." }).optional(),
});

export const MenuInput = strict({ restaurantId: RestaurantId });
export const SaveCategoryInput = strict({
  restaurantId: RestaurantId,
  category: strict({
    id: CategoryId.optional(),
    name: humanText({ label: "Section name", min: 1, max: 60 }),
  }),
});
export const DeleteCategoryInput = strict({ restaurantId: RestaurantId, categoryId: CategoryId });
export const SaveItemInput = strict({ restaurantId: RestaurantId, categoryId: CategoryId, item: ItemInput });
export const DeleteItemInput = strict({ restaurantId: RestaurantId, itemId: ItemId });
export const SetItemAvailabilityInput = strict({
  restaurantId: RestaurantId,
  itemId: ItemId,
  available: Available,
});
export const SetOptionAvailabilityInput = strict({
  restaurantId: RestaurantId,
  itemId: ItemId,
  groupId: GroupId,
  optionId: OptionId,
  available: Available,
});
export const CreatePhotoUploadInput = strict({
  restaurantId: RestaurantId,
  contentType: z.enum(PHOTO_RULES.contentTypes, { error: "Upload a JPEG, PNG or WebP photo." }),
  sizeBytes: z
    .number({ error: "The photo's size must be a number of bytes." })
    .int("The photo's size must be a whole number of bytes.")
    .min(1, "That photo is empty.")
    .max(PHOTO_RULES.maxBytes, "That photo is larger than 2 MB: upload a smaller one."),
});
export const AttachPhotoInput = strict({
  restaurantId: RestaurantId,
  itemId: ItemId,
  uploadId: z.uuid("That upload isn't valid: upload the photo again."),
  alt: humanText({ label: "Photo description", max: MENU_LIMITS.altMax }).optional(),
});

/** Staff only, and only for restaurants they work for (another's: the 404 of a missing one). */
export const menuProcedures = (svc: RestaurantsService) => ({
  menu: staffProcedure.input(MenuInput).query(({ input, ctx }) => svc.menu(ctx.actor, input.restaurantId)),
  saveCategory: staffProcedure
    .input(SaveCategoryInput)
    .mutation(({ input, ctx }) => svc.saveCategory(ctx.actor, input, ctx.correlationId)),
  deleteCategory: staffProcedure
    .input(DeleteCategoryInput)
    .mutation(({ input, ctx }) => svc.deleteCategory(ctx.actor, input, ctx.correlationId)),
  saveItem: staffProcedure
    .input(SaveItemInput)
    .mutation(({ input, ctx }) => svc.saveItem(ctx.actor, input, ctx.correlationId)),
  deleteItem: staffProcedure
    .input(DeleteItemInput)
    .mutation(({ input, ctx }) => svc.deleteItem(ctx.actor, input, ctx.correlationId)),
  setItemAvailability: staffProcedure
    .input(SetItemAvailabilityInput)
    .mutation(({ input, ctx }) => svc.setItemAvailability(ctx.actor, input, ctx.correlationId)),
  setOptionAvailability: staffProcedure
    .input(SetOptionAvailabilityInput)
    .mutation(({ input, ctx }) => svc.setOptionAvailability(ctx.actor, input, ctx.correlationId)),
  createPhotoUpload: staffProcedure
    .input(CreatePhotoUploadInput)
    .mutation(({ input, ctx }) => svc.createPhotoUpload(ctx.actor, input)),
  attachPhoto: staffProcedure
    .input(AttachPhotoInput)
    .mutation(({ input, ctx }) => svc.attachPhoto(ctx.actor, input, ctx.correlationId)),
});
