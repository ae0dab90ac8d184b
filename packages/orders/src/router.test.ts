import { TEST_CARD_DIGITS } from "@tiffin/contracts/payment-card";
import { createCallerFactory } from "@tiffin/kit";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { aCustomer, refusalOf, staffOf, testContext } from "../test/caller";
import {
  aUuid,
  fixtureMenu,
  goodCard,
  ordersHarness,
  placeInput,
  replicatedMenu,
  ticketAccepted,
} from "../test/factories";
import { RecordingLog } from "../test/fakes";
import { PaymentProcessingError } from "./domain/payments";
import type { PlaceLimits } from "./domain/rate-limits";
import { createOrdersRouter } from "./router";

const closedCafe = replicatedMenu({ restaurantId: "closed-cafe", name: "Closed Café", isOpen: false });
// FIXED_NOW is 18:30 UTC: paused until 19:30 there, and a night-only kitchen that opens at 22:00.
const pausedPlace = replicatedMenu({
  restaurantId: "paused-place",
  name: "Paused Place",
  store: { state: "paused", pausedUntil: "2026-11-27T19:30:00.000Z", busyExtraMinutes: 0, message: "" },
});
const nightOwl = replicatedMenu({
  restaurantId: "night-owl",
  name: "Night Owl",
  hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: "22:00", closes: "04:00" })),
  timeZone: "UTC",
});
const line = { itemId: fixtureMenu.butterChicken.id, quantity: 2 };

const setup = async (opts: { limits?: PlaceLimits } = {}) => {
  const h = await ordersHarness({ menus: [replicatedMenu(), closedCafe, pausedPlace, nightOwl], ...opts });
  const ctx = testContext("corr-router-1");
  const router = createOrdersRouter(h.svc);
  const caller = createCallerFactory(router)(ctx);
  // What an untrusted client can put on the wire: anything at all, so these take `unknown`.
  const send = {
    place: (input: unknown) => caller.place(input as Parameters<typeof caller.place>[0]),
    quote: (input: unknown) => caller.quote(input as Parameters<typeof caller.quote>[0]),
    get: (input: unknown) => caller.get(input as Parameters<typeof caller.get>[0]),
    cancel: (input: unknown) => caller.cancel(input as Parameters<typeof caller.cancel>[0]),
    reorder: (input: unknown) => caller.reorder(input as Parameters<typeof caller.reorder>[0]),
  };
  const refused = (call: Promise<unknown>) => refusalOf(router, ctx, call);
  return { ...h, ctx, caller, send, refused };
};

type PlaceInputBody = ReturnType<typeof placeInput>;

type Case = {
  case: string;
  input: (valid: PlaceInputBody) => unknown;
  code: TRPCError["code"];
  message: RegExp;
  /** Where a form would show the message, when it points at one field. */
  field?: string;
};

const priceFieldMessage = (keys: string) =>
  new RegExp(`^Prices and totals are computed by Tiffin, never sent by the app \\(remove: ${keys}\\)\\.$`);

/** Every way a place request can be wrong, and what the customer is told. */
const badPlaceRequests: Case[] = [
  {
    case: "an unknown restaurant",
    input: (v) => ({ ...v, restaurantId: "no-such-place" }),
    code: "NOT_FOUND",
    message: /^We couldn't find that restaurant/,
  },
  {
    case: "an unknown item",
    input: (v) => ({ ...v, lines: [{ itemId: "beef-wellington", quantity: 1 }] }),
    code: "BAD_REQUEST",
    message: /no longer on Bombay Tiffin House's menu/,
    field: "beef-wellington",
  },
  {
    case: "a sold-out item",
    input: (v) => ({ ...v, lines: [line, { itemId: fixtureMenu.mangoKulfi.id, quantity: 1 }] }),
    code: "PRECONDITION_FAILED",
    message: /^Mango Kulfi is sold out/,
    field: fixtureMenu.mangoKulfi.id,
  },
  {
    case: "a closed restaurant",
    input: (v) => ({ ...v, restaurantId: "closed-cafe" }),
    code: "PRECONDITION_FAILED",
    message: /^Closed Café is closed right now and isn't taking orders\.$/,
  },
  {
    case: "a cart below the minimum order",
    input: (v) => ({ ...v, lines: [{ itemId: fixtureMenu.garlicNaan.id, quantity: 1 }] }),
    code: "PRECONDITION_FAILED",
    message: /^Add \$6\.05 more to reach Bombay Tiffin House's \$10\.00 minimum order\.$/,
  },
  {
    case: "quantity 0",
    input: (v) => ({ ...v, lines: [{ ...line, quantity: 0 }] }),
    code: "BAD_REQUEST",
    message: /^Quantity must be at least 1\.$/,
    field: "lines.0.quantity",
  },
  {
    case: "quantity 999",
    input: (v) => ({ ...v, lines: [{ ...line, quantity: 999 }] }),
    code: "BAD_REQUEST",
    message: /^You can order at most 20 of one dish\.$/,
    field: "lines.0.quantity",
  },
  {
    case: "a fractional quantity",
    input: (v) => ({ ...v, lines: [{ ...line, quantity: 1.5 }] }),
    code: "BAD_REQUEST",
    message: /^Quantity must be a whole number\.$/,
    field: "lines.0.quantity",
  },
  {
    case: "a quantity sent as text",
    input: (v) => ({ ...v, lines: [{ ...line, quantity: "2" }] }),
    code: "BAD_REQUEST",
    message: /^Quantity must be a number\.$/,
    field: "lines.0.quantity",
  },
  {
    case: "a price sent by the client",
    input: (v) => ({ ...v, price: 1 }),
    code: "BAD_REQUEST",
    message: priceFieldMessage("price"),
  },
  {
    case: "a total sent by the client",
    input: (v) => ({ ...v, totalCents: 1 }),
    code: "BAD_REQUEST",
    message: priceFieldMessage("totalCents"),
  },
  {
    case: "a price on a line",
    input: (v) => ({ ...v, lines: [{ ...line, price: 100 }] }),
    code: "BAD_REQUEST",
    message: priceFieldMessage("price"),
    field: "lines.0",
  },
  {
    case: "a unit price and line total on a line",
    input: (v) => ({ ...v, lines: [{ ...line, unitPriceCents: 1, lineTotalCents: 2 }] }),
    code: "BAD_REQUEST",
    message: priceFieldMessage("unitPriceCents, lineTotalCents"),
    field: "lines.0",
  },
  {
    case: "an empty address",
    input: (v) => ({ ...v, delivery: { ...v.delivery, address: "" } }),
    code: "BAD_REQUEST",
    message: /^Delivery address is required\.$/,
    field: "delivery.address",
  },
  {
    case: "a whitespace-only address",
    input: (v) => ({ ...v, delivery: { ...v.delivery, address: "        " } }),
    code: "BAD_REQUEST",
    message: /^Delivery address is required\.$/,
    field: "delivery.address",
  },
  {
    case: "a whitespace-only name",
    input: (v) => ({ ...v, customer: { ...v.customer, name: "   \t " } }),
    code: "BAD_REQUEST",
    message: /^Your name is required\.$/,
    field: "customer.name",
  },
  {
    case: "a phone number nobody can call",
    input: (v) => ({ ...v, customer: { ...v.customer, phone: "call me" } }),
    code: "BAD_REQUEST",
    message: /^Enter a phone number the courier can call/,
    field: "customer.phone",
  },
  {
    case: "a malformed restaurant id",
    input: (v) => ({ ...v, restaurantId: "../Bombay Tiffin" }),
    code: "BAD_REQUEST",
    message: /^That restaurant id isn't valid\.$/,
    field: "restaurantId",
  },
  {
    case: "a malformed item id",
    input: (v) => ({ ...v, lines: [{ ...line, itemId: "Butter Chicken" }] }),
    code: "BAD_REQUEST",
    message: /^That dish id isn't valid\.$/,
    field: "lines.0.itemId",
  },
  {
    case: "a malformed idempotency key",
    input: (v) => ({ ...v, idempotencyKey: "checkout-1" }),
    code: "BAD_REQUEST",
    message: /^The checkout key must be a UUID; reload the page and try again\.$/,
    field: "idempotencyKey",
  },
  {
    case: "a 10 000-character name",
    input: (v) => ({ ...v, customer: { ...v.customer, name: "A".repeat(10_000) } }),
    code: "BAD_REQUEST",
    message: /^Your name must be at most 80 characters\.$/,
    field: "customer.name",
  },
  {
    case: "5 000-character notes",
    input: (v) => ({ ...v, delivery: { ...v.delivery, notes: "n".repeat(5_000) } }),
    code: "BAD_REQUEST",
    message: /^Delivery notes must be at most 500 characters\.$/,
    field: "delivery.notes",
  },
  {
    case: "a 1 000-character address",
    input: (v) => ({ ...v, delivery: { ...v.delivery, address: "a".repeat(1_000) } }),
    code: "BAD_REQUEST",
    message: /^Delivery address must be at most 300 characters\.$/,
    field: "delivery.address",
  },
  {
    case: "31 lines",
    input: (v) => ({ ...v, lines: Array.from({ length: 31 }, () => ({ ...line, quantity: 1 })) }),
    code: "BAD_REQUEST",
    message: /^An order can have at most 30 different dishes\.$/,
    field: "lines",
  },
  {
    case: "an empty cart",
    input: (v) => ({ ...v, lines: [] }),
    code: "BAD_REQUEST",
    message: /^Your cart is empty: add a dish first\.$/,
    field: "lines",
  },
  {
    case: "an unknown extra field",
    input: (v) => ({ ...v, coupon: "FREEFOOD" }),
    code: "BAD_REQUEST",
    message: /^Unexpected field: coupon\.$/,
    field: "input",
  },
  {
    case: "an unknown field whose name merely contains a price word",
    input: (v) => ({ ...v, feedback: "great" }),
    code: "BAD_REQUEST",
    message: /^Unexpected field: feedback\.$/,
    field: "input",
  },
  {
    case: "an unknown field on the customer",
    input: (v) => ({ ...v, customer: { ...v.customer, isAdmin: true } }),
    code: "BAD_REQUEST",
    message: /^Unexpected field: isAdmin\.$/,
    field: "customer",
  },
  ...[
    {
      what: "a right-to-left override in the notes",
      at: "delivery.notes",
      text: "ring twice \u202E🔔",
      message: /^Delivery notes contains an invisible text-direction control \(U\+202E\)/,
    },
    {
      what: "a bidi isolate in the address",
      at: "delivery.address",
      text: "221 Valencia St \u2066Apt 4\u2069",
      message: /^Delivery address contains an invisible text-direction control \(U\+2066\)/,
    },
    {
      what: "a bell character in the name",
      at: "customer.name",
      text: "Asha\u0007 Patel",
      message: /^Your name contains an invisible control character \(U\+0007\)/,
    },
    {
      what: "a C1 control in the notes",
      at: "delivery.notes",
      text: "gate\u0085code",
      message: /^Delivery notes contains an invisible control character \(U\+0085\)/,
    },
    {
      what: "a line break in the name",
      at: "customer.name",
      text: "Asha\nPatel",
      message: /^Your name must be on one line: remove the line break\.$/,
    },
    {
      what: "half an emoji in the notes",
      at: "delivery.notes",
      text: "ring twice \uD83D",
      message: /^Delivery notes contains a broken character \(half of an emoji, U\+D83D\)/,
    },
    {
      what: "U+FFFF in the address",
      at: "delivery.address",
      text: "221 Valencia St\uFFFF",
      message: /^Delivery address contains U\+FFFF, which is not a character anyone can read/,
    },
    {
      what: "an emoji in the phone number",
      at: "customer.phone",
      text: "+1 415 555 🔔",
      message: /^Enter a phone number the courier can call/,
    },
  ].map(
    ({ what, at, text, message }): Case => ({
      case: what,
      input: (v) => {
        const [group, field] = at.split(".") as ["customer" | "delivery", string];
        return { ...v, [group]: { ...v[group], [field]: text } };
      },
      code: "BAD_REQUEST",
      message,
      field: at,
    }),
  ),
  ...[
    {
      what: "no card at all",
      payment: undefined,
      message: /^Enter your card details to pay for the order\.$/,
      at: "payment",
    },
    {
      what: "an empty card number",
      payment: { number: "" },
      message: /^Enter your card number\.$/,
      at: "payment.number",
    },
    {
      what: "a card number with letters",
      payment: { number: "4242 4242 4242 42AB" },
      message: /^A card number has only digits \(spaces are fine\)\.$/,
      at: "payment.number",
    },
    {
      what: "a card number that fails the Luhn check",
      payment: { number: "4242 4242 4242 4241" },
      message: /^That card number isn't valid: check it for a typo\.$/,
      at: "payment.number",
    },
    {
      what: "a card number too short",
      payment: { number: "4242 4242" },
      message: /^That card number is too short/,
      at: "payment.number",
    },
    {
      what: "a card number of 10 000 digits",
      payment: { number: "4".repeat(10_000) },
      message: /^That card number is too long/,
      at: "payment.number",
    },
    {
      what: "an expired card",
      payment: { expiry: "01/20" },
      message: /^This card has expired: use another card\.$/,
      at: "payment.expiry",
    },
    {
      what: "expiry month 13",
      payment: { expiry: "13/34" },
      message: /^The expiry month is between 01 and 12\.$/,
      at: "payment.expiry",
    },
    {
      what: "an expiry that is not MM/YY",
      payment: { expiry: "next year" },
      message: /^Enter the card's expiry date as MM\/YY/,
      at: "payment.expiry",
    },
    {
      what: "a two-digit security code",
      payment: { cvc: "12" },
      message: /^The security code is the 3 or 4 digits on your card\.$/,
      at: "payment.cvc",
    },
    {
      what: "a missing security code",
      payment: { cvc: "" },
      message: /^Enter the card's security code\.$/,
      at: "payment.cvc",
    },
    {
      what: "a card number sent as a number",
      payment: { number: 4242424242424242 },
      message: /^Enter your card number\.$/,
      at: "payment.number",
    },
  ].map(
    ({ what, payment, message, at }): Case => ({
      case: what,
      input: (v) => ({ ...v, payment: payment === undefined ? undefined : { ...v.payment, ...payment } }),
      code: "BAD_REQUEST",
      message,
      field: at,
    }),
  ),
  {
    case: "an unknown field on the card (an amount)",
    input: (v) => ({ ...v, payment: { ...v.payment, amountCents: 1 } }),
    code: "BAD_REQUEST",
    message: priceFieldMessage("amountCents"),
    field: "payment",
  },
  {
    case: "a paused restaurant",
    input: (v) => ({ ...v, restaurantId: "paused-place" }),
    code: "PRECONDITION_FAILED",
    message: /^Paused Place is paused until 19:30 and isn't taking orders right now\.$/,
  },
  {
    case: "a restaurant closed by its opening hours",
    input: (v) => ({ ...v, restaurantId: "night-owl" }),
    code: "PRECONDITION_FAILED",
    message: /^Night Owl is closed now, opens at 22:00\.$/,
  },
  {
    case: "no body at all",
    input: () => undefined,
    code: "BAD_REQUEST",
    message: /.+/,
  },
];

describe("orders router", () => {
  describe("quote", () => {
    it("prices the cart on the server", async () => {
      const { caller } = await setup();

      const quote = await caller.quote({
        restaurantId: fixtureMenu.restaurantId,
        lines: [line, { itemId: "garlic-naan", quantity: 1 }],
      });

      expect(quote).toMatchObject({
        restaurantName: "Bombay Tiffin House",
        subtotalCents: 3785,
        deliveryFeeCents: 299,
        serviceFeeCents: 189,
        totalCents: 4273,
        currency: "USD",
      });
    });

    it.each([
      {
        case: "an unknown restaurant",
        input: { restaurantId: "nowhere", lines: [line] },
        code: "NOT_FOUND",
        message: /couldn't find that restaurant/,
      },
      {
        case: "a closed restaurant",
        input: { restaurantId: "closed-cafe", lines: [line] },
        code: "PRECONDITION_FAILED",
        message: /Closed Café is closed/,
      },
      {
        case: "a sold-out item",
        input: { restaurantId: fixtureMenu.restaurantId, lines: [{ itemId: "mango-kulfi", quantity: 2 }] },
        code: "PRECONDITION_FAILED",
        message: /Mango Kulfi is sold out/,
      },
      {
        case: "quantity 999",
        input: { restaurantId: fixtureMenu.restaurantId, lines: [{ ...line, quantity: 999 }] },
        code: "BAD_REQUEST",
        message: /at most 20/,
      },
      {
        case: "an unknown item",
        input: {
          restaurantId: fixtureMenu.restaurantId,
          lines: [{ itemId: "beef-wellington", quantity: 1 }],
        },
        code: "BAD_REQUEST",
        message: /no longer on Bombay Tiffin House's menu/,
      },
      {
        case: "quantity 0",
        input: { restaurantId: fixtureMenu.restaurantId, lines: [{ ...line, quantity: 0 }] },
        code: "BAD_REQUEST",
        message: /^Quantity must be at least 1\.$/,
      },
      {
        case: "a total sent by the client",
        input: { restaurantId: fixtureMenu.restaurantId, lines: [line], totalCents: 1 },
        code: "BAD_REQUEST",
        message: /Prices and totals are computed by Tiffin/,
      },
      {
        case: "a price on a line",
        input: { restaurantId: fixtureMenu.restaurantId, lines: [{ ...line, priceCents: 1 }] },
        code: "BAD_REQUEST",
        message: /Prices and totals are computed by Tiffin/,
      },
      {
        case: "a malformed restaurant id",
        input: { restaurantId: "DROP TABLE", lines: [line] },
        code: "BAD_REQUEST",
        message: /^That restaurant id isn't valid\.$/,
      },
      {
        case: "31 lines",
        input: { restaurantId: fixtureMenu.restaurantId, lines: Array.from({ length: 31 }, () => line) },
        code: "BAD_REQUEST",
        message: /at most 30 different dishes/,
      },
      {
        case: "an unknown extra field",
        input: { restaurantId: fixtureMenu.restaurantId, lines: [line], coupon: "X" },
        code: "BAD_REQUEST",
        message: /^Unexpected field: coupon\.$/,
      },
    ])("refuses $case", async ({ input, code, message }) => {
      const { send, refused, effects } = await setup();

      const refusal = await refused(send.quote(input));

      expect(refusal.code).toBe(code);
      expect(refusal.message).toMatch(message);
      expect(effects()).toEqual({ orders: 0, outboxEntries: 0, sent: 0 });
    });
  });

  describe("place", () => {
    it("places the order and returns it with status placed", async () => {
      const { caller, table, sender } = await setup();

      const order = await caller.place(placeInput());

      expect(order).toMatchObject({
        status: "placed",
        restaurantId: fixtureMenu.restaurantId,
        totalCents: 4273,
      });
      expect(table.allOrders()).toEqual([order]);
      expect(sender.sent.map((e) => e.orderId)).toEqual([order.id]);
    });

    it("carries the request's correlation id into the order and OrderPlaced", async () => {
      const { caller, sender } = await setup();

      const order = await caller.place(placeInput());

      expect(order.correlationId).toBe("corr-router-1");
      expect(sender.sent[0]?.correlationId).toBe("corr-router-1");
    });

    it("trims what the customer typed and defaults missing notes to empty", async () => {
      const { send } = await setup();
      const valid = placeInput();

      const order = await send.place({
        ...valid,
        customer: { ...valid.customer, name: "  Asha Patel  " },
        delivery: { address: "  221 Valencia St  " },
      });

      expect(order.customer.name).toBe("Asha Patel");
      expect(order.delivery).toEqual({ address: "221 Valencia St", notes: "" });
    });

    it("keeps what the customer typed exactly, in the order and in OrderPlaced: any script, emoji, marks", async () => {
      const { caller, sender } = await setup();
      const typed = {
        customer: { name: "आशा पटेल 👩🏽‍🍳", phone: "+971 ٥٠ ١٢٣ ٤٥٦٧" },
        delivery: {
          address: "٢٢١ شارع فالنسيا\nApt 4, Zoe\u0308 Building",
          notes: "ring twice 🔔 · घंटी दो बार · اتصل بي · 👨‍👩‍👧‍👦",
        },
      };

      const order = await caller.place({ ...placeInput(), ...typed });

      expect(order.customer).toEqual(typed.customer);
      expect(order.delivery).toEqual(typed.delivery);
      expect(sender.placed[0]?.delivery).toEqual(typed.delivery);
      expect(sender.placed[0]?.customer).toEqual(typed.customer);
    });

    it("refuses an order over the customer's limit with 429, saying when to try again", async () => {
      const { caller, refused, effects } = await setup({
        limits: {
          perCustomer: { max: 1, windowSeconds: 600 },
          perRestaurant: { max: 100, windowSeconds: 60 },
        },
      });
      await caller.place(placeInput());

      const refusal = await refused(caller.place(placeInput()));

      expect(refusal.code).toBe("TOO_MANY_REQUESTS");
      expect(refusal.shape.data.httpStatus).toBe(429);
      expect(refusal.message).toBe("You can place up to 1 order every 10 minutes. Try again in 10 minutes.");
      expect(effects()).toEqual({ orders: 1, outboxEntries: 1, sent: 1 });
    });

    it("returns the same order for a retried checkout: one order, one message", async () => {
      const { caller, effects } = await setup();
      const input = placeInput();

      const first = await caller.place(input);
      const retry = await caller.place(structuredClone(input));

      expect(retry.id).toBe(first.id);
      expect(effects()).toEqual({ orders: 1, outboxEntries: 1, sent: 1 });
    });

    it("refuses a reused checkout key with a different cart as CONFLICT, adding nothing", async () => {
      const { caller, refused, effects } = await setup();
      const input = placeInput();
      await caller.place(input);

      const refusal = await refused(caller.place({ ...input, lines: [{ ...line, quantity: 3 }] }));

      expect(refusal.code).toBe("CONFLICT");
      expect(refusal.message).toMatch(/already submitted with a different cart/);
      expect(effects()).toEqual({ orders: 1, outboxEntries: 1, sent: 1 });
    });

    it.each(badPlaceRequests)(
      "refuses $case, saving and sending nothing",
      async ({ input, code, message, field }) => {
        const { send, refused, effects, table } = await setup();

        const refusal = await refused(send.place(input(placeInput())));

        expect(refusal.code).toBe(code);
        expect(refusal.message).toMatch(message);
        if (field) expect(Object.keys(refusal.fieldErrors)).toContain(field);
        expect(refusal.shape.data).not.toHaveProperty("stack");
        expect(effects()).toEqual({ orders: 0, outboxEntries: 0, sent: 0 });
        expect(table.idempotencyKeys()).toEqual([]);
      },
    );
  });

  describe("place: payment", () => {
    it.each([
      [
        TEST_CARD_DIGITS.declined,
        /^Your card was declined\. Nothing was charged and your cart is still here/,
      ],
      [TEST_CARD_DIGITS.insufficientFunds, /^Your card was declined for insufficient funds\./],
    ])("answers a declined card (%s) with 402 and a message, placing nothing", async (number, message) => {
      const { send, refused, effects, table } = await setup();

      const refusal = await refused(send.place(placeInput({ payment: { ...goodCard, number } })));

      expect(refusal.code).toBe("PAYMENT_REQUIRED");
      expect(refusal.shape.data.httpStatus).toBe(402);
      expect(refusal.message).toMatch(message);
      expect(effects()).toEqual({ orders: 0, outboxEntries: 0, sent: 0 });
      expect(table.idempotencyKeys()).toEqual([]);
    });

    it("places the order with a card that needs one retry, and keeps only brand and last four", async () => {
      const { caller } = await setup();
      const order = await caller.place(
        placeInput({ payment: { ...goodCard, number: TEST_CARD_DIGITS.processingErrorOnce } }),
      );
      expect(order.payment).toMatchObject({ brand: "Visa", last4: "0119", status: "authorized" });
      expect(JSON.stringify(order)).not.toContain(TEST_CARD_DIGITS.processingErrorOnce);
    });

    it("accepts the card number with spaces and dashes, as people type it", async () => {
      const { send } = await setup();
      const input = placeInput();
      const order = (await send.place({
        ...input,
        payment: { ...input.payment, number: "4242-4242 4242-4242" },
      })) as {
        payment: { last4: string };
      };
      expect(order.payment.last4).toBe("4242");
    });

    it("answers 503 (nothing charged) when the card provider keeps failing", async () => {
      const h = await ordersHarness();
      h.payments.authorize = async () => {
        throw new PaymentProcessingError();
      };
      const router = createOrdersRouter(h.svc);
      const ctx = testContext("corr-provider-down");
      const refusal = await refusalOf(router, ctx, createCallerFactory(router)(ctx).place(placeInput()));
      expect(refusal.code).toBe("SERVICE_UNAVAILABLE");
      expect(refusal.message).toBe(
        "We couldn't reach the card provider. Nothing was charged: try again in a moment.",
      );
      expect(h.effects()).toEqual({ orders: 0, outboxEntries: 0, sent: 0 });
    });
  });

  describe("quote: store state", () => {
    it.each([
      ["paused-place", /^Paused Place is paused until 19:30/],
      ["night-owl", /^Night Owl is closed now, opens at 22:00\.$/],
    ])("says why %s takes no orders (412)", async (restaurantId, message) => {
      const { send, refused } = await setup();
      const refusal = await refused(send.quote({ restaurantId, lines: [line] }));
      expect(refusal.code).toBe("PRECONDITION_FAILED");
      expect(refusal.message).toMatch(message);
    });
  });

  describe("cancel", () => {
    it("asks the kitchen to withdraw a placed order: cancel_requested", async () => {
      const { caller, sender } = await setup();
      const order = await caller.place(placeInput());

      const requested = await caller.cancel({ orderId: order.id });

      expect(requested.status).toBe("cancel_requested");
      expect(requested.cancellation?.outcome).toBe("pending");
      expect(sender.sent.map((e) => e.type)).toEqual(["order.placed", "order.cancel-requested"]);
    });

    it("answers 409 saying why once the restaurant has accepted, changing nothing", async () => {
      const { caller, send, refused, svc, sender } = await setup();
      const order = await caller.place(placeInput());
      await svc.applyTicketEvent(
        ticketAccepted({ orderId: order.id, shortCode: order.shortCode }),
        new RecordingLog(),
      );

      const refusal = await refused(send.cancel({ orderId: order.id }));

      expect(refusal.code).toBe("CONFLICT");
      expect(refusal.message).toBe(
        "Too late to cancel: Bombay Tiffin House has already accepted your order and is preparing it.",
      );
      expect((await caller.get({ orderId: order.id })).status).toBe("accepted");
      expect(sender.sent.map((e) => e.type)).toEqual(["order.placed"]);
    });

    it.each([
      {
        case: "an unknown order",
        input: () => ({ orderId: aUuid() }),
        code: "NOT_FOUND",
        message: /^We couldn't find an order with that number\.$/,
      },
      {
        case: "a malformed order id",
        input: () => ({ orderId: "1 OR 1=1" }),
        code: "BAD_REQUEST",
        message: /^That order number isn't valid\.$/,
      },
      { case: "no order id", input: () => ({}), code: "BAD_REQUEST", message: /.+/ },
      {
        case: "an extra field",
        input: () => ({ orderId: aUuid(), reason: "changed my mind" }),
        code: "BAD_REQUEST",
        message: /^Unexpected field: reason\.$/,
      },
      { case: "no body", input: () => undefined, code: "BAD_REQUEST", message: /.+/ },
    ])("refuses $case", async ({ input, code, message }) => {
      const { send, refused, sender } = await setup();
      const refusal = await refused(send.cancel(input()));
      expect(refusal.code).toBe(code);
      expect(refusal.message).toMatch(message);
      expect(sender.sent).toEqual([]);
    });
  });

  describe("reorder", () => {
    it("prices an earlier order again and says what changed", async () => {
      const { caller, menus } = await setup();
      const order = await caller.place(placeInput());
      const base = replicatedMenu();
      await menus.apply(
        replicatedMenu({
          revision: 50,
          items: base.items.map((i) => (i.id === fixtureMenu.garlicNaan.id ? { ...i, available: false } : i)),
        }),
      );

      const again = await caller.reorder({ orderId: order.id });

      expect(again.lines.map((l) => l.itemId)).toEqual([fixtureMenu.butterChicken.id]);
      expect(again.changes.unavailable.map((u) => u.name)).toEqual(["Garlic Naan"]);
      expect(again.quote?.subtotalCents).toBe(2 * fixtureMenu.butterChicken.priceCents);
    });

    it.each([
      { case: "an unknown order", input: () => ({ orderId: aUuid() }), code: "NOT_FOUND" },
      { case: "a malformed order id", input: () => ({ orderId: "../orders" }), code: "BAD_REQUEST" },
      { case: "a price sent along", input: () => ({ orderId: aUuid(), totalCents: 1 }), code: "BAD_REQUEST" },
    ])("refuses $case", async ({ input, code }) => {
      const { send, refused } = await setup();
      expect((await refused(send.reorder(input()))).code).toBe(code);
    });
  });

  describe("get", () => {
    it("returns a placed order", async () => {
      const { caller } = await setup();
      const order = await caller.place(placeInput());

      expect(await caller.get({ orderId: order.id })).toEqual(order);
    });

    it.each([
      {
        case: "an unknown order id",
        input: { orderId: aUuid() },
        code: "NOT_FOUND",
        message: /^We couldn't find an order with that number\.$/,
      },
      {
        case: "a malformed order id",
        input: { orderId: "ORDER-1; DROP TABLE" },
        code: "BAD_REQUEST",
        message: /^That order number isn't valid\.$/,
      },
      {
        case: "an unknown extra field",
        input: { orderId: aUuid(), include: "customer" },
        code: "BAD_REQUEST",
        message: /^Unexpected field: include\.$/,
      },
    ])("refuses $case", async ({ input, code, message }) => {
      const { send, refused } = await setup();

      const refusal = await refused(send.get(input));

      expect(refusal.code).toBe(code);
      expect(refusal.message).toMatch(message);
    });
  });
});

describe("orders router: who may do what", () => {
  const callerFor = async (actor: Parameters<typeof testContext>[1]) => {
    const h = await ordersHarness({ menus: [replicatedMenu()] });
    const router = createOrdersRouter(h.svc);
    const asActor = (a: Parameters<typeof testContext>[1]) => {
      const ctx = testContext("corr-authz", a);
      return {
        caller: createCallerFactory(router)(ctx),
        refused: (call: Promise<unknown>) => refusalOf(router, ctx, call),
      };
    };
    return { ...h, asActor, ...asActor(actor) };
  };

  it("asks an anonymous caller to sign in before placing, and places nothing", async () => {
    const { refused, caller, effects } = await callerFor(null);
    const refusal = await refused(caller.place(placeInput()));
    expect(refusal.code).toBe("UNAUTHORIZED");
    expect(refusal.message).toBe("Sign in to continue.");
    expect(effects()).toMatchObject({ orders: 0, sent: 0 });
  });

  it("passes on why a sent token was refused", async () => {
    const h = await ordersHarness();
    const router = createOrdersRouter(h.svc);
    const ctx = {
      ...testContext("corr-authz", null),
      authError: "Your session has expired. Sign in again.",
    };
    const refusal = await refusalOf(router, ctx, createCallerFactory(router)(ctx).mine());
    expect(refusal.code).toBe("UNAUTHORIZED");
    expect(refusal.message).toBe("Your session has expired. Sign in again.");
  });

  it("refuses restaurant staff with 403: only customers order", async () => {
    const { refused, caller, effects } = await callerFor(staffOf("bombay-tiffin-house"));
    const refusal = await refused(caller.place(placeInput()));
    expect(refusal.code).toBe("FORBIDDEN");
    expect(refusal.message).toBe("This needs a customer account.");
    expect(effects()).toMatchObject({ orders: 0, sent: 0 });
  });

  it("shows a customer only their own orders; another's answers like a missing one", async () => {
    const { caller, asActor } = await callerFor(aCustomer("customer-1"));
    const mine = await caller.place(placeInput());
    const other = asActor(aCustomer("customer-2"));
    const theirs = await other.caller.place(placeInput());

    expect((await caller.mine()).map((o) => o.id)).toEqual([mine.id]);
    const refusal = await other.refused(other.caller.get({ orderId: mine.id }));
    const missing = await other.refused(other.caller.get({ orderId: aUuid() }));
    expect(refusal.code).toBe("NOT_FOUND");
    expect({ ...refusal, shape: undefined }).toEqual({ ...missing, shape: undefined });
    expect(await other.caller.get({ orderId: theirs.id })).toMatchObject({ customerId: "customer-2" });
  });

  it("cancels and reorders only the customer's own orders; another's answers like a missing one", async () => {
    const { caller, asActor } = await callerFor(aCustomer("customer-1"));
    const mine = await caller.place(placeInput());
    const other = asActor(aCustomer("customer-2"));

    for (const call of [
      other.caller.cancel({ orderId: mine.id }),
      other.caller.reorder({ orderId: mine.id }),
    ]) {
      const refusal = await other.refused(call);
      expect(refusal.code).toBe("NOT_FOUND");
      expect(refusal.message).toBe("We couldn't find an order with that number.");
    }
    expect((await caller.get({ orderId: mine.id })).status).toBe("placed");
  });

  it.each(["cancel", "reorder"] as const)(
    "asks an anonymous caller to sign in to %s; staff get 403",
    async (name) => {
      const anonymous = await callerFor(null);
      expect((await anonymous.refused(anonymous.caller[name]({ orderId: aUuid() }))).code).toBe(
        "UNAUTHORIZED",
      );
      const staff = await callerFor(staffOf("bombay-tiffin-house"));
      expect((await staff.refused(staff.caller[name]({ orderId: aUuid() }))).code).toBe("FORBIDDEN");
    },
  );

  it("lets anyone price a cart before signing in", async () => {
    const { caller } = await callerFor(null);
    const quote = await caller.quote({ restaurantId: fixtureMenu.restaurantId, lines: [line] });
    expect(quote.subtotalCents).toBe(2 * fixtureMenu.butterChicken.priceCents);
  });
});
