import type { KitchenTicket } from "@tiffin/restaurants";

/*
 * What the kitchen board shows, as plain functions: the loaded pages as one list, which tickets are new
 * since the last poll, and the words for how many there are.
 */

/** The server's order: newest placedAt first, ties by order id. */
const newestFirst = (a: KitchenTicket, b: KitchenTicket) =>
  b.placedAt.localeCompare(a.placedAt) || (a.orderId < b.orderId ? 1 : a.orderId > b.orderId ? -1 : 0);

/**
 * Every loaded ticket once, newest first. A ticket can sit on two pages for a moment: when orders arrive
 * between reading one page and the next, the older pages shift down by as many.
 */
export const boardTickets = (pages: readonly { tickets: KitchenTicket[] }[]): KitchenTicket[] => {
  const byOrder = new Map<string, KitchenTicket>();
  for (const page of pages)
    for (const t of page.tickets) if (!byOrder.has(t.orderId)) byOrder.set(t.orderId, t);
  return [...byOrder.values()].sort(newestFirst);
};

/** Tickets on the newest page that were not there before: new orders (older pages hold none). */
export const arrivalsAmong = (seen: ReadonlySet<string>, newestPage: readonly KitchenTicket[]) =>
  newestPage.filter((t) => !seen.has(t.orderId));

/** What a screen reader hears when orders arrive; undefined when none did. */
export const arrivalAnnouncement = (arrived: readonly KitchenTicket[]): string | undefined => {
  const [first] = arrived;
  if (!first) return undefined;
  if (arrived.length === 1) return `New order ${first.shortCode} from ${first.customerName}.`;
  return `${arrived.length} new orders.`;
};

/** "12 orders", or "20+ orders" while older ones have not been loaded. */
const countOf = (count: number, more: boolean) => `${count}${more ? "+" : ""}`;

export const countLabel = (count: number, more: boolean) =>
  more
    ? `The newest ${count} orders, newest first`
    : `${count} ${count === 1 ? "order" : "orders"}, newest first`;

export const boardTitle = (restaurantName: string, count: number | undefined, more: boolean) =>
  count ? `(${countOf(count, more)}) ${restaurantName} orders` : "Kitchen orders";
