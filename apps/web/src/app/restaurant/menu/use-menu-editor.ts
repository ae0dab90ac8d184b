"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MenuEditorView } from "@tiffin/restaurants";
import { useState } from "react";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";

export interface EditorStatus {
  tone: "success" | "danger";
  message: string;
}

/**
 * One restaurant's menu in the editor: the view `restaurants.menu` answers, and every change, each of
 * which answers with the view after it (so the page shows what was saved, at its new revision).
 */
export function useMenuEditor(restaurantId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.restaurants.menu.queryKey({ restaurantId });
  const menu = useQuery(trpc.restaurants.menu.queryOptions({ restaurantId }));
  const [status, setStatus] = useState<EditorStatus | null>(null);

  const onSuccess = (view: MenuEditorView) => {
    queryClient.setQueryData(key, view);
  };
  const saveItem = useMutation(trpc.restaurants.saveItem.mutationOptions({ onSuccess }));
  const deleteItem = useMutation(trpc.restaurants.deleteItem.mutationOptions({ onSuccess }));
  const saveCategory = useMutation(trpc.restaurants.saveCategory.mutationOptions({ onSuccess }));
  const deleteCategory = useMutation(trpc.restaurants.deleteCategory.mutationOptions({ onSuccess }));
  const setItemAvailability = useMutation(
    trpc.restaurants.setItemAvailability.mutationOptions({ onSuccess }),
  );
  const setOptionAvailability = useMutation(
    trpc.restaurants.setOptionAvailability.mutationOptions({ onSuccess }),
  );
  const createPhotoUpload = useMutation(trpc.restaurants.createPhotoUpload.mutationOptions());
  const attachPhoto = useMutation(trpc.restaurants.attachPhoto.mutationOptions({ onSuccess }));

  /** Says how a change went, on the page (in a live region, so screen readers hear it once). */
  const report = (next: EditorStatus) => setStatus(next);

  /** Runs a quick change (a toggle, a delete), reporting success or the server's reason. */
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      report({ tone: "success", message: done });
    } catch (error) {
      report({ tone: "danger", message: problemOf(error).message });
    }
  };

  return {
    menu,
    status,
    report,
    clearStatus: () => setStatus(null),
    run,
    saveItem,
    deleteItem,
    saveCategory,
    deleteCategory,
    setItemAvailability,
    setOptionAvailability,
    createPhotoUpload,
    attachPhoto,
  };
}

export type MenuEditorState = ReturnType<typeof useMenuEditor>;
