import { DomainError } from "@tiffin/kit/domain-error";
import type { KitchenTicket } from "./kitchen-ticket";

/*
 * The kitchen board reads tickets a page at a time, newest first, so a flood of orders can neither make one
 * read unbounded nor push the newest orders out of sight. A cursor marks where the last page ended.
 */

export const TICKETS_PAGE = 20;
export const MAX_TICKETS_PAGE = 100;

/** A ticket's place in the board's order: newest `placedAt` first, ties by order id. */
export interface TicketPosition {
  placedAt: string;
  orderId: string;
}

export interface TicketPage {
  tickets: KitchenTicket[];
  /** Pass back as `cursor` for the next (older) page; null when this is the oldest page. */
  nextCursor: string | null;
}

export const BAD_CURSOR =
  "That page of tickets can't be found: its marker isn't valid. Reload the board to start from the newest.";

/** Opaque to clients: base64url of the last ticket's position. */
export const ticketCursor = (position: TicketPosition): string =>
  Buffer.from(JSON.stringify([position.placedAt, position.orderId]), "utf8").toString("base64url");

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const badCursor = () => new DomainError("invalid", BAD_CURSOR, { cursor: BAD_CURSOR });

/** The position a cursor marks; anything that is not one of ours is a 400, never a 500. */
export const positionOfCursor = (cursor: string): TicketPosition => {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw badCursor();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw badCursor();
  const [placedAt, orderId] = decoded;
  if (typeof placedAt !== "string" || !ISO_INSTANT.test(placedAt)) throw badCursor();
  // Well-formed: a lone surrogate cannot be stored as a key, and would fail in the database instead.
  if (typeof orderId !== "string" || !/^.{1,200}$/su.test(orderId) || /\p{Cs}/u.test(orderId)) {
    throw badCursor();
  }
  return { placedAt, orderId };
};

export const positionOf = (ticket: KitchenTicket): TicketPosition => ({
  placedAt: ticket.placedAt,
  orderId: ticket.orderId,
});
