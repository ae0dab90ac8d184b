import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { accessTokenOf, apiBase, newCustomerToken } from "./system";
import { type CallResult, callProcedure } from "./trpc-http";

/*
 * The cancel/accept race through the real HTTP API of the running stack: place an order, wait for its
 * kitchen ticket, then send the customer's `orders.cancel` and the kitchen's `restaurants.acceptTicket`
 * at the same moment. Restaurants owns the ticket and decides; the outcome travels back through the
 * topic. Every repetition must end with exactly one winner and both services agreeing:
 *   order cancelled (hold voided) and ticket withdrawn, or order accepted and ticket accepted.
 */
const REPETITIONS = 20;
const RESTAURANT = "bombay-tiffin-house";
/** orders.place allows 10 per customer per 10 minutes: a fresh customer every few orders. */
const ORDERS_PER_CUSTOMER = 8;

interface OrderView {
  id: string;
  status: string;
  cancellation?: { outcome: string };
  payment?: { status: string };
}
interface TicketView {
  orderId: string;
  status: string;
}

const dataOf = <T>(res: CallResult): T => (res.body as { result: { data: { json: T } } }).result.data.json;

/** Polls `read` until `done` holds (never a fixed sleep), failing with the last value seen. */
const waitFor = async <T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 45_000,
) => {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (let pause = 50; Date.now() < deadline; pause = Math.min(500, pause * 2)) {
    last = await read();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, pause));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
};

let staff = "";
beforeAll(async () => {
  staff = await accessTokenOf("owner@bombay.tiffin.test");
}, 60_000);

const ticketOf = async (orderId: string): Promise<TicketView | undefined> => {
  const res = await callProcedure({
    apiBase,
    path: "restaurants.tickets",
    kind: "query",
    input: { restaurantId: RESTAURANT, limit: 50 },
    token: staff,
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return dataOf<{ tickets: TicketView[] }>(res).tickets.find((t) => t.orderId === orderId);
};

const orderOf = async (token: string, orderId: string): Promise<OrderView> => {
  const res = await callProcedure({ apiBase, path: "orders.get", kind: "query", input: { orderId }, token });
  expect(res.status).toBe(200);
  return dataOf<OrderView>(res);
};

const place = async (token: string): Promise<string> => {
  const res = await callProcedure({
    apiBase,
    path: "orders.place",
    kind: "mutation",
    token,
    input: {
      idempotencyKey: randomUUID(),
      restaurantId: RESTAURANT,
      lines: [{ itemId: "garlic-naan", quantity: 4 }],
      customer: { name: "Race Tester", phone: "+1 415 555 0177" },
      delivery: { address: "1 Photo Finish Ln, San Francisco", notes: "" },
      payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
    },
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return dataOf<{ id: string }>(res).id;
};

describe("cancel vs accept, at the same moment", () => {
  it(
    `has exactly one winner in each of ${REPETITIONS} races, and both services agree`,
    async () => {
      const outcomes = { cancelled: 0, accepted: 0, tooLateAfterRequest: 0, cancelRefused: 0 };
      let customer = "";
      for (let round = 0; round < REPETITIONS; round++) {
        if (round % ORDERS_PER_CUSTOMER === 0)
          customer = await newCustomerToken(`race-${randomUUID()}@example.com`);
        const orderId = await place(customer);
        await waitFor(
          "the kitchen ticket",
          () => ticketOf(orderId),
          (t) => t?.status === "new",
        );

        const [cancel, accept] = await Promise.all([
          callProcedure({
            apiBase,
            path: "orders.cancel",
            kind: "mutation",
            input: { orderId },
            token: customer,
          }),
          callProcedure({
            apiBase,
            path: "restaurants.acceptTicket",
            kind: "mutation",
            input: { restaurantId: RESTAURANT, orderId, prepMinutes: 15 },
            token: staff,
          }),
        ]);
        // Each side either went through or was refused with a reason; nothing else.
        expect([200, 409], JSON.stringify(cancel.body).slice(0, 300)).toContain(cancel.status);
        expect([200, 409], JSON.stringify(accept.body).slice(0, 300)).toContain(accept.status);

        const ticket = await waitFor(
          "the ticket to settle",
          () => ticketOf(orderId),
          (t) => t?.status === "withdrawn" || t?.status === "accepted",
        );
        const order = await waitFor(
          "the order to settle",
          () => orderOf(customer, orderId),
          (o) => o.status === "cancelled" || o.status === "accepted",
        );
        const context = `round ${round + 1}: cancel ${cancel.status} (${cancel.message ?? "ok"}), accept ${accept.status} (${accept.message ?? "ok"}), order ${order.status}, ticket ${ticket?.status}`;

        if (ticket?.status === "withdrawn") {
          expect(order.status, context).toBe("cancelled");
          expect(order.cancellation?.outcome, context).toBe("cancelled");
          expect(order.payment?.status, context).toBe("voided");
          expect(cancel.status, context).toBe(200);
          expect(accept.status, context).toBe(409);
          outcomes.cancelled++;
        } else {
          expect(order.status, context).toBe("accepted");
          expect(accept.status, context).toBe(200);
          // The kitchen won: either the cancel arrived after orders heard of it (409, too late), or it was
          // sent and the customer is told it came too late.
          if (cancel.status === 200) {
            expect(order.cancellation?.outcome, context).toBe("too_late");
            outcomes.tooLateAfterRequest++;
          } else {
            expect(cancel.message, context).toMatch(/^Too late to cancel/);
            outcomes.cancelRefused++;
          }
          outcomes.accepted++;
        }
      }
      console.info(
        `cancel/accept race: ${REPETITIONS} repetitions, ${outcomes.cancelled} cancelled (ticket withdrawn), ${outcomes.accepted} accepted (${outcomes.tooLateAfterRequest} cancel requests told "too late", ${outcomes.cancelRefused} cancels refused 409), 0 disagreements`,
      );
      expect(outcomes.cancelled + outcomes.accepted).toBe(REPETITIONS);
    },
    20 * 60_000,
  );
});
