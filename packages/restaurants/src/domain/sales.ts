import type { KitchenTicket } from "./kitchen-ticket";

/*
 * Sales from the kitchen's own tickets: one aggregate per restaurant per day (the restaurant's calendar
 * date the order was placed), updated in the same transaction as the ticket step that changes it, so the
 * figures are never ahead of or behind the tickets and a report reads at most seven small items.
 */

/** What one ticket step adds to its day. */
export interface SalesDelta {
  day: string;
  accepted?: number;
  revenueCents?: number;
  rejected?: number;
  rejectedAutomatically?: number;
  withdrawn?: number;
  items?: { itemId: string; name: string; quantity: number }[];
}

/** One day as stored. */
export interface SalesDay {
  day: string;
  accepted: number;
  revenueCents: number;
  rejected: number;
  rejectedAutomatically: number;
  withdrawn: number;
  items: { itemId: string; name: string; quantity: number }[];
}

export const emptySalesDay = (day: string): SalesDay => ({
  day,
  accepted: 0,
  revenueCents: 0,
  rejected: 0,
  rejectedAutomatically: 0,
  withdrawn: 0,
  items: [],
});

/** Adds a delta to a day (the fake's and the report's arithmetic; DynamoDB does the same with ADD). */
export const applySalesDelta = (day: SalesDay, delta: SalesDelta): SalesDay => {
  const items = new Map(day.items.map((i) => [i.itemId, { ...i }]));
  for (const i of delta.items ?? []) {
    const found = items.get(i.itemId);
    if (found) {
      found.quantity += i.quantity;
      found.name = i.name;
    } else items.set(i.itemId, { ...i });
  }
  return {
    day: day.day,
    accepted: day.accepted + (delta.accepted ?? 0),
    revenueCents: day.revenueCents + (delta.revenueCents ?? 0),
    rejected: day.rejected + (delta.rejected ?? 0),
    rejectedAutomatically: day.rejectedAutomatically + (delta.rejectedAutomatically ?? 0),
    withdrawn: day.withdrawn + (delta.withdrawn ?? 0),
    items: [...items.values()],
  };
};

/** Lines of a ticket summed per item (the same dish with different options is one dish here). */
const itemsOf = (t: KitchenTicket) => {
  const byItem = new Map<string, { itemId: string; name: string; quantity: number }>();
  for (const l of t.lines) {
    const found = byItem.get(l.itemId);
    if (found) found.quantity += l.quantity;
    else byItem.set(l.itemId, { itemId: l.itemId, name: l.name, quantity: l.quantity });
  }
  return [...byItem.values()];
};

/** Revenue counts when the kitchen takes the order: an accepted order is no longer cancellable. */
export const acceptedDelta = (t: KitchenTicket): SalesDelta => ({
  day: t.salesDay,
  accepted: 1,
  revenueCents: t.totalCents,
  items: itemsOf(t),
});

export const rejectedDelta = (t: KitchenTicket, automatic: boolean): SalesDelta => ({
  day: t.salesDay,
  rejected: 1,
  ...(automatic ? { rejectedAutomatically: 1 } : {}),
});

export const withdrawnDelta = (t: KitchenTicket): SalesDelta => ({ day: t.salesDay, withdrawn: 1 });

/** The figures staff read for a period. */
export interface SalesSummary {
  /** Orders the kitchen accepted. */
  orders: number;
  revenueCents: number;
  /** Revenue per accepted order, rounded to the cent; 0 without orders. */
  averageOrderCents: number;
  rejected: number;
  rejectedAutomatically: number;
  /** Rejected / answered (accepted + rejected); null when no order was answered. Withdrawn ones don't count. */
  rejectionRate: number | null;
  withdrawn: number;
  topItems: { itemId: string; name: string; quantity: number }[];
}

export const TOP_ITEMS = 5;

export const summarise = (days: readonly SalesDay[]): SalesSummary => {
  const total = days.reduce(applySalesDelta, emptySalesDay(""));
  const answered = total.accepted + total.rejected;
  return {
    orders: total.accepted,
    revenueCents: total.revenueCents,
    averageOrderCents: total.accepted ? Math.round(total.revenueCents / total.accepted) : 0,
    rejected: total.rejected,
    rejectedAutomatically: total.rejectedAutomatically,
    rejectionRate: answered ? total.rejected / answered : null,
    withdrawn: total.withdrawn,
    topItems: [...total.items]
      .sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name))
      .slice(0, TOP_ITEMS),
  };
};

/** The seven calendar dates ending with `today` ("2026-11-27"), oldest first. */
export const lastSevenDays = (today: string): string[] => {
  const end = Date.parse(`${today}T12:00:00Z`);
  return Array.from({ length: 7 }, (_, i) => new Date(end - (6 - i) * 86_400_000).toISOString().slice(0, 10));
};

export interface SalesReport {
  timeZone: string;
  today: string;
  todaySummary: SalesSummary;
  lastSevenDays: SalesSummary;
  /** Each of the seven days, oldest first, for a small chart. */
  days: { day: string; orders: number; revenueCents: number; rejected: number }[];
}

export const salesReport = (timeZone: string, today: string, stored: readonly SalesDay[]): SalesReport => {
  const days = lastSevenDays(today).map((day) => stored.find((d) => d.day === day) ?? emptySalesDay(day));
  const last = days.at(-1) ?? emptySalesDay(today);
  return {
    timeZone,
    today,
    todaySummary: summarise([last]),
    lastSevenDays: summarise(days),
    days: days.map((d) => ({
      day: d.day,
      orders: d.accepted,
      revenueCents: d.revenueCents,
      rejected: d.rejected,
    })),
  };
};
