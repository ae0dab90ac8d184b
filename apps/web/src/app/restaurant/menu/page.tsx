import type { Metadata } from "next";
import { Suspense } from "react";
import { MenuEditorScreen } from "./menu-editor-screen";

export const metadata: Metadata = { title: "Menu" };

export default function MenuEditorPage() {
  return (
    <Suspense>
      <MenuEditorScreen />
    </Suspense>
  );
}
