"use client";

import { useSyncExternalStore } from "react";
import { type Cart, type CartAction, cartReducer, emptyCart, parseCart } from "./cart";

const STORAGE_KEY = "tiffin.cart.v1";

let current: Cart | undefined;
const listeners = new Set<() => void>();

const read = (): Cart => {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? parseCart(JSON.parse(raw)) : emptyCart;
  } catch {
    return emptyCart;
  }
};

const write = (cart: Cart) => {
  try {
    if (cart.lines.length === 0) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, JSON.stringify(cart));
  } catch {
    // Storage full or blocked (private mode): the cart still works for this page view.
  }
};

const emit = () => {
  for (const listener of listeners) listener();
};

// Another tab changed the cart: follow it, so two tabs never overwrite each other's cart.
const onStorage = (event: StorageEvent) => {
  if (event.key !== STORAGE_KEY && event.key !== null) return;
  current = read();
  emit();
};

const subscribe = (listener: () => void) => {
  if (listeners.size === 0) window.addEventListener("storage", onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("storage", onStorage);
  };
};

const getSnapshot = (): Cart => {
  current ??= read();
  return current;
};

/** On the server (and while hydrating) the cart is unknown, not empty: render a placeholder, not "empty". */
const getServerSnapshot = (): null => null;

export const dispatchCart = (action: CartAction): Cart => {
  const before = getSnapshot();
  const after = cartReducer(before, action);
  if (after !== before) {
    current = after;
    write(after);
    emit();
  }
  return after;
};

/** The cart from localStorage, or null until it has been read in the browser. */
export const useCart = (): Cart | null => useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
