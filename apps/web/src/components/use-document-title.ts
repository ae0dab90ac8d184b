"use client";

import { useEffect } from "react";

/** For pages whose title comes from data loaded in the browser (the server only knows a generic one). */
export const useDocumentTitle = (title: string | undefined) => {
  useEffect(() => {
    if (!title) return;
    const wanted = `${title} · Tiffin`;
    const apply = () => {
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    // Next streams a route's metadata after the page renders; keep this (more specific) title over it.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [title]);
};

/** Sets the title from places that can't use the hook directly, e.g. a not-found page. */
export function DocumentTitle({ title }: { title: string }) {
  useDocumentTitle(title);
  return null;
}
