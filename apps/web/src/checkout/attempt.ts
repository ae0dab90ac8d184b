import { isUuid, newUuid } from "../lib/uuid";

/**
 * One checkout attempt = one idempotency key (so a double click or a retry after a lost response places
 * ONE order) and one correlation id (so that order can be followed through every service's logs). Kept in
 * sessionStorage until the order is placed, so a reload mid-checkout still reuses it.
 */
export interface CheckoutAttempt {
  idempotencyKey: string;
  correlationId: string;
}

export type AttemptStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const STORAGE_KEY = "tiffin.checkout-attempt.v1";

const parse = (raw: string | null): CheckoutAttempt | undefined => {
  try {
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    if (typeof value !== "object" || value === null) return undefined;
    const { idempotencyKey, correlationId } = value as Record<string, unknown>;
    return typeof idempotencyKey === "string" && isUuid(idempotencyKey) && typeof correlationId === "string"
      ? { idempotencyKey, correlationId }
      : undefined;
  } catch {
    return undefined;
  }
};

/** The attempt in progress, or a new one. */
export const currentAttempt = (storage: AttemptStorage, makeId: () => string = newUuid): CheckoutAttempt => {
  const stored = parse(storage.getItem(STORAGE_KEY));
  if (stored) return stored;
  const attempt = { idempotencyKey: makeId(), correlationId: makeId() };
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(attempt));
  } catch {
    // Storage full or blocked: the caller keeps the attempt in memory for this page view.
  }
  return attempt;
};

/** After success (or when the server says the key was used for another cart): the next checkout is new. */
export const endAttempt = (storage: AttemptStorage): void => storage.removeItem(STORAGE_KEY);

const noStorage: AttemptStorage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };

/** sessionStorage, or nothing when the browser blocks it (the caller then keeps the attempt in memory). */
export const browserAttemptStorage = (): AttemptStorage => {
  try {
    return window.sessionStorage;
  } catch {
    return noStorage;
  }
};
