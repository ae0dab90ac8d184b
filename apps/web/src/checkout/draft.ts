/** What the person typed at checkout, kept for this tab so a trip back to the menu doesn't lose it. */
export interface CheckoutDraft {
  name: string;
  phone: string;
  address: string;
  notes: string;
}

export const emptyDraft: CheckoutDraft = { name: "", phone: "", address: "", notes: "" };

const STORAGE_KEY = "tiffin.checkout-draft.v1";

export const loadDraft = (): CheckoutDraft => {
  try {
    const value: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? "null");
    if (typeof value !== "object" || value === null) return emptyDraft;
    const record = value as Record<string, unknown>;
    const text = (key: keyof CheckoutDraft) => (typeof record[key] === "string" ? record[key] : "");
    return { name: text("name"), phone: text("phone"), address: text("address"), notes: text("notes") };
  } catch {
    return emptyDraft;
  }
};

export const saveDraft = (draft: CheckoutDraft): void => {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Not essential: the form still works without it.
  }
};

export const clearDraft = (): void => {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
};
