import type { KitchenTicket } from "@tiffin/restaurants";
import { describe, expect, it } from "vitest";
import { arrivalAnnouncement, arrivalsAmong, boardTickets, boardTitle, countLabel } from "./ticket-list";

const ticket = (orderId: string, placedAt: string): KitchenTicket => ({
  orderId,
  shortCode: orderId.toUpperCase(),
  restaurantId: "bombay-tiffin-house",
  status: "new",
  placedAt,
  receivedAt: placedAt,
  customerName: `Customer ${orderId}`,
  deliveryAddress: "1 Test St",
  deliveryNotes: "",
  lines: [{ itemId: "naan", name: "Garlic Naan", quantity: 1, options: [] }],
  itemCount: 1,
  totalCents: 395,
  correlationId: "c",
  timeZone: "America/Los_Angeles",
  salesDay: placedAt.slice(0, 10),
  answerBy: placedAt,
});

const a = ticket("a", "2026-11-27T18:00:00.000Z");
const b = ticket("b", "2026-11-27T18:00:00.000Z");
const c = ticket("c", "2026-11-27T18:05:00.000Z");
const d = ticket("d", "2026-11-27T18:10:00.000Z");

describe("the kitchen board's list", () => {
  it("joins pages newest first, ties by order id as the server orders them", () => {
    expect(boardTickets([{ tickets: [d, c] }, { tickets: [b, a] }]).map((t) => t.orderId)).toEqual([
      "d",
      "c",
      "b",
      "a",
    ]);
  });

  it("shows a ticket once when new orders shifted it onto the next page too", () => {
    expect(boardTickets([{ tickets: [d, c] }, { tickets: [c, b] }]).map((t) => t.orderId)).toEqual([
      "d",
      "c",
      "b",
    ]);
  });

  it("counts as arrivals only the newest page's tickets not seen before", () => {
    expect(arrivalsAmong(new Set(["c", "b"]), [d, c])).toEqual([d]);
    expect(arrivalsAmong(new Set(["d", "c"]), [d, c])).toEqual([]);
  });

  it("announces one arrival by code and customer, several by number, none not at all", () => {
    expect(arrivalAnnouncement([d])).toBe("New order D from Customer d.");
    expect(arrivalAnnouncement([d, c])).toBe("2 new orders.");
    expect(arrivalAnnouncement([])).toBeUndefined();
  });

  it("says when older orders exist beyond the ones shown", () => {
    expect(countLabel(1, false)).toBe("1 order, newest first");
    expect(countLabel(20, true)).toBe("The newest 20 orders, newest first");
    expect(boardTitle("Bombay Tiffin House", 20, true)).toBe("(20+) Bombay Tiffin House orders");
    expect(boardTitle("Bombay Tiffin House", 3, false)).toBe("(3) Bombay Tiffin House orders");
    expect(boardTitle("Bombay Tiffin House", 0, false)).toBe("Kitchen orders");
  });
});
