"use client";

import { useSyncExternalStore } from "react";

let message = { text: "", id: 0 };
const listeners = new Set<() => void>();

/** Tells screen-reader users about a change they did not move focus to (cart updates, new orders). */
export const announce = (text: string) => {
  message = { text, id: message.id + 1 };
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** One polite live region for the whole app; rendered once in the root layout. */
export function LiveAnnouncer() {
  const current = useSyncExternalStore(
    subscribe,
    () => message,
    () => message,
  );
  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only">
      {/* A new key replaces the node, so the same sentence twice is still announced twice. */}
      <span key={current.id}>{current.text}</span>
    </div>
  );
}
