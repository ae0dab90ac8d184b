"use client";

import type { MenuCategory, MenuItem } from "@tiffin/restaurants";
import { Button, Field, Input } from "@tiffin/ui";
import { useState } from "react";
import { MenuItemRow } from "./menu-item-row";
import type { MenuEditorState } from "./use-menu-editor";

/** A section of the menu in the editor: rename, delete when empty, its dishes, and "Add a dish". */
export function CategorySection({
  restaurantId,
  category,
  editor,
  onEdit,
}: {
  restaurantId: string;
  category: MenuCategory;
  editor: MenuEditorState;
  onEdit: (item?: MenuItem) => void;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const busy = editor.setItemAvailability.isPending || editor.setOptionAvailability.isPending;
  const headingId = `section-${category.id}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        {renaming === null ? (
          <h2 id={headingId} className="text-xl font-bold tracking-tight">
            {category.name}
          </h2>
        ) : (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void editor
                .run(
                  () =>
                    editor.saveCategory.mutateAsync({
                      restaurantId,
                      category: { id: category.id, name: renaming },
                    }),
                  `Renamed the section to ${renaming.trim()}.`,
                )
                .then(() => setRenaming(null));
            }}
          >
            <h2 id={headingId} className="sr-only">
              {category.name}
            </h2>
            <Field label={`New name for ${category.name}`}>
              {(c) => <Input {...c} value={renaming} onChange={(e) => setRenaming(e.target.value)} />}
            </Field>
            <Button type="submit" size="sm">
              Save name
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setRenaming(null)}>
              Cancel
            </Button>
          </form>
        )}
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => onEdit()} aria-label={`Add a dish to ${category.name}`}>
            Add a dish
          </Button>
          {renaming === null && (
            <Button size="sm" variant="secondary" onClick={() => setRenaming(category.name)}>
              Rename<span className="sr-only"> {category.name}</span>
            </Button>
          )}
          {category.items.length === 0 && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() =>
                void editor.run(
                  () => editor.deleteCategory.mutateAsync({ restaurantId, categoryId: category.id }),
                  `Deleted the section ${category.name}.`,
                )
              }
            >
              Delete<span className="sr-only"> the section {category.name}</span>
            </Button>
          )}
        </div>
      </div>
      {category.items.length === 0 ? (
        <p className="rounded-2xl bg-white p-4 text-sm text-stone-600 ring-1 ring-stone-200">
          No dishes in this section yet.
        </p>
      ) : (
        <ul className="space-y-3">
          {category.items.map((item) => (
            <MenuItemRow
              key={item.id}
              item={item}
              busy={busy}
              onEdit={() => onEdit(item)}
              onDelete={() => {
                if (!window.confirm(`Delete ${item.name} from the menu?`)) return;
                void editor.run(
                  () => editor.deleteItem.mutateAsync({ restaurantId, itemId: item.id }),
                  `Deleted ${item.name}.`,
                );
              }}
              onAvailability={(available) =>
                void editor.run(
                  () => editor.setItemAvailability.mutateAsync({ restaurantId, itemId: item.id, available }),
                  available ? `${item.name} is available again.` : `${item.name} is marked sold out.`,
                )
              }
              onOptionAvailability={(groupId, optionId, available) => {
                const option = item.optionGroups
                  .find((g) => g.id === groupId)
                  ?.options.find((o) => o.id === optionId);
                void editor.run(
                  () =>
                    editor.setOptionAvailability.mutateAsync({
                      restaurantId,
                      itemId: item.id,
                      groupId,
                      optionId,
                      available,
                    }),
                  `${option?.name ?? "The option"} is ${available ? "available again" : "marked sold out"}.`,
                );
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
