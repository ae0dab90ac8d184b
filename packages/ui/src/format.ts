const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Server amounts are integer cents; this is the one place they become text. */
export const formatPrice = (cents: number): string => usd.format(cents / 100);
