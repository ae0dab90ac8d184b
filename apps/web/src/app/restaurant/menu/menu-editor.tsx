"use client";

import type { MenuItem } from "@tiffin/restaurants";
import { Alert, Button, Field, Input, Skeleton } from "@tiffin/ui";
import Link from "next/link";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { useDocumentTitle } from "@/components/use-document-title";
import { problemOf } from "@/trpc/problem";
import { CategorySection } from "./category-section";
import { type Editing, ItemFormDialog } from "./item-form";
import { useMenuEditor } from "./use-menu-editor";

/** One restaurant's menu, as staff edit it: sections, dishes, options, photos, sold-out switches. */
export function MenuEditor({ restaurantId, onSwitch }: { restaurantId: string; onSwitch?: () => void }) {
  const editor = useMenuEditor(restaurantId);
  const { menu, status } = editor;
  const [editing, setEditing] = useState<Editing>(null);
  const [newSection, setNewSection] = useState("");
  useDocumentTitle(menu.data ? `Menu · ${menu.data.restaurant.name}` : "Menu");

  if (menu.isPending) {
    return (
      <div className="mx-auto max-w-4xl space-y-4 px-4 py-8 sm:px-6" aria-busy="true">
        <p className="sr-only" role="status">
          Loading the menu…
        </p>
        <Skeleton className="h-9 w-1/2 rounded-md" />
        {["a", "b", "c"].map((k) => (
          <Skeleton key={k} className="h-24 rounded-2xl" />
        ))}
      </div>
    );
  }
  if (menu.isError) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <LoadError
          title="We couldn't load the menu"
          message={problemOf(menu.error).message}
          onRetry={() => menu.refetch()}
          retrying={menu.isFetching}
        />
      </div>
    );
  }
  const view = menu.data;
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-extrabold tracking-tight sm:text-3xl">Menu</h1>
          <p className="text-stone-700">
            {view.restaurant.name} ·{" "}
            <Link href={`/r/${view.restaurant.slug}`} className="font-semibold underline">
              See it as customers do
            </Link>
          </p>
        </div>
        {onSwitch && (
          <Button variant="secondary" size="sm" onClick={onSwitch}>
            Switch restaurant
          </Button>
        )}
      </div>
      {/* Every change is said here (and to screen readers), saved or not and why. */}
      <div aria-live="polite">
        {status && (
          <Alert
            tone={status.tone}
            title={status.tone === "success" ? "Saved" : "Not saved"}
            action={
              <Button variant="ghost" size="sm" onClick={editor.clearStatus}>
                Dismiss
              </Button>
            }
          >
            {status.message}
          </Alert>
        )}
      </div>
      {view.categories.map((category) => (
        <CategorySection
          key={category.id}
          restaurantId={restaurantId}
          category={category}
          editor={editor}
          onEdit={(item?: MenuItem) => setEditing({ categoryId: category.id, item })}
        />
      ))}
      <form
        className="flex flex-wrap items-end gap-2 rounded-2xl bg-white p-4 ring-1 ring-stone-200"
        onSubmit={(event) => {
          event.preventDefault();
          void editor
            .run(
              () => editor.saveCategory.mutateAsync({ restaurantId, category: { name: newSection } }),
              `Added the section ${newSection.trim()}.`,
            )
            .then(() => setNewSection(""));
        }}
      >
        <Field label="New section" className="min-w-0 flex-1">
          {(c) => (
            <Input
              {...c}
              value={newSection}
              placeholder="Drinks"
              onChange={(e) => setNewSection(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" variant="secondary">
          Add section
        </Button>
      </form>
      <ItemFormDialog editing={editing} view={view} editor={editor} onClose={() => setEditing(null)} />
    </div>
  );
}
