"use client";

import type { DietaryTag, MenuCategory, MenuEditorView, MenuItem } from "@tiffin/restaurants";
import { Alert, Button, Dialog, Field, Input, Textarea, ToggleChip } from "@tiffin/ui";
import { useState } from "react";
import { DIETARY_LABELS } from "@/components/dietary";
import { problemOf } from "@/trpc/problem";
import { draftOf, type ItemDraft, saveInputOf } from "./item-draft";
import { OptionGroupsFields } from "./option-groups-fields";
import { PhotoField, type UploadState } from "./photo-field";
import { photoFileProblem, previewOf, uploadToBucket } from "./photo-upload";
import type { MenuEditorState } from "./use-menu-editor";

/** What the item form is open for: a new dish in a section, or one that exists. */
export type Editing = { categoryId: string; item?: MenuItem } | null;

/** The dish form, in a dialog (a sheet on phones). Mounted per opening, so it always starts from the menu. */
export function ItemFormDialog({
  editing,
  view,
  editor,
  onClose,
}: {
  editing: Editing;
  view: MenuEditorView;
  editor: MenuEditorState;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={editing !== null}
      onClose={onClose}
      variant="sheet"
      title={editing?.item ? `Edit ${editing.item.name}` : "New dish"}
    >
      {editing && (
        <ItemForm
          key={editing.item?.id ?? `new-${editing.categoryId}`}
          editing={editing}
          view={view}
          editor={editor}
          onDone={onClose}
        />
      )}
    </Dialog>
  );
}

const allItems = (categories: MenuCategory[]) => categories.flatMap((c) => c.items);

function ItemForm({
  editing,
  view,
  editor,
  onDone,
}: {
  editing: NonNullable<Editing>;
  view: MenuEditorView;
  editor: MenuEditorState;
  onDone: () => void;
}) {
  const restaurantId = view.restaurant.id;
  const [draft, setDraft] = useState<ItemDraft>(() => draftOf(editing.categoryId, editing.item));
  const [upload, setUpload] = useState<UploadState>({ kind: "none" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const current = draft.id ? allItems(view.categories).find((i) => i.id === draft.id) : undefined;
  const set = (change: Partial<ItemDraft>) => setDraft((d) => ({ ...d, ...change }));

  const choosePhoto = async (file: File) => {
    const problem = photoFileProblem(file);
    if (problem) {
      setUpload({ kind: "failed", message: problem });
      return;
    }
    try {
      const preview = await previewOf(file);
      setUpload({ kind: "uploading", preview, fraction: 0 });
      const target = await editor.createPhotoUpload.mutateAsync({
        restaurantId,
        contentType: file.type as "image/jpeg" | "image/png" | "image/webp",
        sizeBytes: file.size,
      });
      await uploadToBucket(target, file, (fraction) => setUpload({ kind: "uploading", preview, fraction }));
      setUpload({ kind: "uploaded", preview, uploadId: target.uploadId });
      set({ removePhoto: false, photoAlt: draft.photoAlt || draft.name });
    } catch (error) {
      setUpload({
        kind: "failed",
        message: error instanceof Error && !("data" in error) ? error.message : problemOf(error).message,
      });
    }
  };

  const save = async () => {
    setFormError(null);
    const made = saveInputOf(restaurantId, draft, Boolean(current?.photo));
    if (made.problems) {
      setErrors(made.problems);
      setFormError("Some fields need a look: see the messages below them.");
      return;
    }
    setErrors({});
    setSaving(true);
    let itemId = draft.id;
    try {
      const before = new Set(allItems(view.categories).map((i) => i.id));
      const saved = await editor.saveItem.mutateAsync(
        made.input as Parameters<typeof editor.saveItem.mutateAsync>[0],
      );
      itemId ??= allItems(saved.categories).find((i) => !before.has(i.id))?.id;
      if (itemId && !draft.id) set({ id: itemId });
      if (upload.kind === "uploaded" && itemId) {
        await editor.attachPhoto.mutateAsync({
          restaurantId,
          itemId,
          uploadId: upload.uploadId,
          ...(draft.photoAlt.trim() ? { alt: draft.photoAlt } : {}),
        });
      }
      editor.report({ tone: "success", message: `Saved ${draft.name.trim()}. Customers see it now.` });
      onDone();
    } catch (error) {
      const problem = problemOf(error);
      setErrors(problem.fieldErrors);
      // The dish may have been saved and only its photo refused: say which.
      const photoRefused = "photo" in problem.fieldErrors;
      if (photoRefused) setUpload({ kind: "failed", message: problem.message });
      setFormError(
        photoRefused && itemId
          ? `The dish was saved, but not its photo: ${problem.message}`
          : `Not saved: ${problem.message}`,
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {formError && (
        <Alert tone="danger" title="Couldn't save yet" live="alert">
          {formError}
        </Alert>
      )}
      <Field label="Section" error={errors.categoryId}>
        {(c) => (
          <select
            {...c}
            value={draft.categoryId}
            onChange={(e) => set({ categoryId: e.target.value })}
            className="block min-h-11 w-full rounded-xl bg-white px-3 text-base ring-1 ring-inset ring-stone-300"
          >
            {view.categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Name" error={errors["item.name"]}>
        {(c) => <Input {...c} value={draft.name} onChange={(e) => set({ name: e.target.value })} />}
      </Field>
      <Field label="Description" optional error={errors["item.description"]}>
        {(c) => (
          <Textarea {...c} value={draft.description} onChange={(e) => set({ description: e.target.value })} />
        )}
      </Field>
      <Field label="Price ($)" hint="For example 12.95." error={errors["item.priceCents"]}>
        {(c) => (
          <Input
            {...c}
            inputMode="decimal"
            value={draft.price}
            onChange={(e) => set({ price: e.target.value })}
            className="max-w-40"
          />
        )}
      </Field>
      <fieldset>
        <legend className="text-sm font-semibold text-stone-900">Dietary</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {view.dietaryTags.map((tag: DietaryTag) => (
            <ToggleChip
              key={tag}
              pressed={draft.dietary.includes(tag)}
              onClick={() =>
                set({
                  dietary: draft.dietary.includes(tag)
                    ? draft.dietary.filter((t) => t !== tag)
                    : [...draft.dietary, tag],
                })
              }
            >
              {DIETARY_LABELS[tag]}
            </ToggleChip>
          ))}
        </div>
      </fieldset>
      <PhotoField
        current={current?.photo}
        upload={upload}
        alt={draft.photoAlt}
        removing={draft.removePhoto}
        error={errors.photo ?? errors["item.photoAlt"]}
        onChoose={(file) => void choosePhoto(file)}
        onAlt={(photoAlt) => set({ photoAlt })}
        onRemove={(removePhoto) => set({ removePhoto })}
      />
      <OptionGroupsFields groups={draft.groups} errors={errors} onChange={(groups) => set({ groups })} />
      <div className="flex flex-col-reverse gap-2 border-t border-stone-200 pt-4 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={saving || upload.kind === "uploading"}>
          {saving ? "Saving…" : "Save dish"}
        </Button>
      </div>
    </form>
  );
}
