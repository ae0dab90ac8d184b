import type { OrderPlacedV1 } from "@tiffin/contracts";

export type TicketStatus = "new";

export interface KitchenTicket {
  orderId: string;
  shortCode: string;
  restaurantId: string;
  status: TicketStatus;
  placedAt: string;
  receivedAt: string;
  customerName: string;
  deliveryNotes: string;
  lines: { itemId: string; name: string; quantity: number }[];
  itemCount: number;
  totalCents: number;
  correlationId: string;
}

/** A placed order becomes exactly one ticket for its restaurant's kitchen. */
export const ticketFromOrder = (event: OrderPlacedV1, receivedAt: Date): KitchenTicket => ({
  orderId: event.orderId,
  shortCode: event.shortCode,
  restaurantId: event.restaurantId,
  status: "new",
  placedAt: event.placedAt,
  receivedAt: receivedAt.toISOString(),
  customerName: event.customer.name,
  deliveryNotes: event.delivery.notes,
  lines: event.lines.map(({ itemId, name, quantity }) => ({ itemId, name, quantity })),
  itemCount: event.lines.reduce((n, l) => n + l.quantity, 0),
  totalCents: event.totalCents,
  correlationId: event.correlationId,
});
