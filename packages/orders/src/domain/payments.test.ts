import { TEST_CARD_DIGITS } from "@tiffin/contracts/payment-card";
import { DomainError } from "@tiffin/kit/domain-error";
import { describe, expect, it } from "vitest";
import { goodCard, ordersHarness, placeCommand } from "../../test/factories";
import { RecordingLog, RecordingPaymentProvider } from "../../test/fakes";
import {
  authorizePayment,
  CardDeclined,
  capturePayment,
  PaymentDeclined,
  PaymentProcessingError,
  PaymentRequestRefused,
  refundPayment,
  voidPayment,
} from "./payments";

const card = (number: string) => ({ ...goodCard, number });
const authorize = (
  provider: RecordingPaymentProvider,
  number: string,
  amountCents = 2500,
  checkoutKey = "k1",
) => authorizePayment(provider, { customerId: "customer-1", checkoutKey, amountCents, card: card(number) });

describe("simulated provider and the payment steps", () => {
  it("authorizes 4242… for the amount, keeping brand and last four only", async () => {
    const provider = new RecordingPaymentProvider();
    const payment = await authorize(provider, TEST_CARD_DIGITS.succeeds);
    expect(payment).toEqual({
      intentId: expect.stringMatching(/^pi_[0-9a-f]{24}$/),
      brand: "Visa",
      last4: "4242",
      status: "authorized",
      amountCents: 2500,
      capturedCents: 0,
      refundedCents: 0,
    });
    expect(JSON.stringify([...provider.store.intents.values()])).not.toContain(TEST_CARD_DIGITS.succeeds);
    expect(provider.calls).toEqual([
      { method: "authorize", idempotencyKey: "authorize:customer-1:k1", amountCents: 2500, outcome: "ok" },
    ]);
  });

  it.each([
    [TEST_CARD_DIGITS.declined, "card_declined", /^Your card was declined\. Nothing was charged/],
    [TEST_CARD_DIGITS.insufficientFunds, "insufficient_funds", /insufficient funds/],
  ])(
    "declines %s (%s) with a message the customer can act on, holding nothing",
    async (number, code, message) => {
      const provider = new RecordingPaymentProvider();
      const error = await authorize(provider, number).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaymentDeclined);
      expect((error as PaymentDeclined).code).toBe(code);
      expect((error as PaymentDeclined).message).toMatch(message);
      expect(provider.store.intents.size).toBe(0);
    },
  );

  it("retries 4000 0000 0000 0119 after its one processing error, with the same key, and succeeds", async () => {
    const provider = new RecordingPaymentProvider();
    const payment = await authorize(provider, TEST_CARD_DIGITS.processingErrorOnce);
    expect(payment.status).toBe("authorized");
    expect(provider.calls.map((c) => [c.idempotencyKey, c.outcome])).toEqual([
      ["authorize:customer-1:k1", "PaymentProcessingError"],
      ["authorize:customer-1:k1", "ok"],
    ]);
  });

  it("gives up after three processing errors in a row (the caller reports 'try again')", async () => {
    const failing = {
      authorize: async () => {
        throw new PaymentProcessingError();
      },
    } as unknown as RecordingPaymentProvider;
    await expect(authorize(failing, TEST_CARD_DIGITS.succeeds)).rejects.toBeInstanceOf(
      PaymentProcessingError,
    );
  });

  it("the same key returns the same intent; the same key for another amount is a conflict", async () => {
    const provider = new RecordingPaymentProvider();
    const first = await authorize(provider, TEST_CARD_DIGITS.succeeds, 2500);
    const again = await authorize(provider, TEST_CARD_DIGITS.succeeds, 2500);
    expect(again).toEqual(first);
    expect(provider.store.intents.size).toBe(1);

    const other = await authorize(provider, TEST_CARD_DIGITS.succeeds, 9999).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(DomainError);
    expect((other as DomainError).kind).toBe("conflict");
  });

  it("two concurrent authorizations with one key hold the card once", async () => {
    const provider = new RecordingPaymentProvider();
    const [a, b] = await Promise.all([
      authorize(provider, TEST_CARD_DIGITS.succeeds),
      authorize(provider, TEST_CARD_DIGITS.succeeds),
    ]);
    expect(a.intentId).toBe(b.intentId);
    expect(provider.store.intents.size).toBe(1);
  });

  it("captures exactly the authorized amount, once, under the order's key", async () => {
    const provider = new RecordingPaymentProvider();
    const payment = await authorize(provider, TEST_CARD_DIGITS.succeeds, 2500);
    await expect(
      provider.capture({ idempotencyKey: "capture:o1", intentId: payment.intentId, amountCents: 2400 }),
    ).rejects.toBeInstanceOf(PaymentRequestRefused);

    const captured = await capturePayment(provider, "o1", payment, 2500);
    const again = await capturePayment(provider, "o1", payment, 2500);

    expect(captured).toMatchObject({ status: "captured", capturedCents: 2500 });
    expect(again).toEqual(captured);
    await expect(
      provider.capture({ idempotencyKey: "capture:other", intentId: payment.intentId, amountCents: 2500 }),
    ).rejects.toThrow(/already captured/);
  });

  it("voids a hold (idempotently) and refuses to capture it afterwards", async () => {
    const provider = new RecordingPaymentProvider();
    const payment = await authorize(provider, TEST_CARD_DIGITS.succeeds);
    expect((await voidPayment(provider, "o1", payment)).status).toBe("voided");
    expect((await voidPayment(provider, "o1", payment)).status).toBe("voided");
    await expect(capturePayment(provider, "o1", payment, payment.amountCents)).rejects.toThrow(/voided/);
  });

  it("refunds never more than captured and never twice for one key", async () => {
    const provider = new RecordingPaymentProvider();
    const captured = await capturePayment(
      provider,
      "o1",
      await authorize(provider, TEST_CARD_DIGITS.succeeds),
      2500,
    );

    const once = await refundPayment(provider, "o1", captured, 1000, "case-1");
    expect(once).toMatchObject({ refundedCents: 1000, refunds: [{ key: "case-1", amountCents: 1000 }] });
    expect(await refundPayment(provider, "o1", once, 1000, "case-1")).toBe(once);
    // The provider itself holds the line too: its key repeats the first refund, a new one over the rest fails.
    const repeated = await provider.refund({
      idempotencyKey: "refund:o1:case-1",
      intentId: captured.intentId,
      amountCents: 1000,
    });
    expect(repeated.id).toBe(once.refunds?.[0]?.id);
    await expect(
      provider.refund({ idempotencyKey: "refund:o1:case-9", intentId: captured.intentId, amountCents: 1501 }),
    ).rejects.toBeInstanceOf(PaymentRequestRefused);
    await expect(refundPayment(provider, "o1", once, 1501, "case-2")).rejects.toThrow(/more than is left/);
    await expect(refundPayment(provider, "o1", once, 0, "case-3")).rejects.toThrow(/at least 1/);
    expect(provider.onlyIntent().refundedCents).toBe(1000);
  });

  it("a declined card is a CardDeclined from the provider, never an intent", async () => {
    const provider = new RecordingPaymentProvider();
    await expect(
      provider.authorize({
        idempotencyKey: "k",
        amountCents: 100,
        currency: "USD",
        card: card(TEST_CARD_DIGITS.declined),
      }),
    ).rejects.toBeInstanceOf(CardDeclined);
  });
});

describe("placing pays first", () => {
  const request = () => ({ correlationId: "corr-pay", log: new RecordingLog() });

  it("authorizes the order's total before saving it, and the order keeps brand, last four and intent", async () => {
    const h = await ordersHarness();
    const cmd = placeCommand();
    const order = await h.svc.place(cmd, request());

    const intent = h.payments.onlyIntent();
    expect(intent.amountCents).toBe(order.totalCents);
    expect(order.payment).toEqual({
      intentId: intent.id,
      brand: "Visa",
      last4: "4242",
      status: "authorized",
      amountCents: order.totalCents,
      capturedCents: 0,
      refundedCents: 0,
    });
    expect(h.payments.calls).toEqual([
      {
        method: "authorize",
        idempotencyKey: `authorize:customer-1:${cmd.idempotencyKey}`,
        amountCents: order.totalCents,
        outcome: "ok",
      },
    ]);
    // Nothing of the card number is stored with the order, in its outbox entry or its event.
    const everything = JSON.stringify({
      orders: h.table.allOrders(),
      outbox: h.table.allOutbox(),
      sent: h.sender.sent,
    });
    expect(everything).not.toContain(TEST_CARD_DIGITS.succeeds);
    expect(everything).not.toContain('"cvc"');
  });

  it.each([
    [TEST_CARD_DIGITS.declined, "card_declined"],
    [TEST_CARD_DIGITS.insufficientFunds, "insufficient_funds"],
  ])("a declined card (%s) places no order and sends nothing", async (number, code) => {
    const h = await ordersHarness();
    const error = await h.svc
      .place(placeCommand({ payment: card(number) }), request())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentDeclined);
    expect((error as PaymentDeclined).code).toBe(code);
    expect(h.effects()).toEqual({ orders: 0, outboxEntries: 0, sent: 0 });
  });

  it("a declined attempt still counts against the customer's limit (card testing is slowed down)", async () => {
    const h = await ordersHarness();
    await h.svc
      .place(placeCommand({ payment: card(TEST_CARD_DIGITS.declined) }), request())
      .catch(() => undefined);
    expect(h.limiter.uses("customer:customer-1")).toBe(1);
  });

  it("after a decline, the same checkout with another card is placed", async () => {
    const h = await ordersHarness();
    const cmd = placeCommand({ payment: card(TEST_CARD_DIGITS.declined) });
    await h.svc.place(cmd, request()).catch(() => undefined);
    const order = await h.svc.place({ ...cmd, payment: goodCard }, request());
    expect(order.payment?.last4).toBe("4242");
    expect(h.effects().orders).toBe(1);
  });

  it("a card with a retryable processing error is placed after the retry", async () => {
    const h = await ordersHarness();
    const order = await h.svc.place(
      placeCommand({ payment: card(TEST_CARD_DIGITS.processingErrorOnce) }),
      request(),
    );
    expect(order.payment).toMatchObject({ status: "authorized", last4: "0119" });
    expect(h.payments.calls.map((c) => c.outcome)).toEqual(["PaymentProcessingError", "ok"]);
  });

  it("a double submit holds the card once and places one order", async () => {
    const h = await ordersHarness();
    const cmd = placeCommand();
    const [a, b] = await Promise.all([
      h.svc.place(cmd, request()),
      h.svc.place(structuredClone(cmd), request()),
    ]);
    expect(b.id).toBe(a.id);
    expect(h.payments.store.intents.size).toBe(1);
  });
});
