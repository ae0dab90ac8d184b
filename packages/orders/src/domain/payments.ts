import { DomainError } from "@tiffin/kit/domain-error";
import type { OrderPayment } from "./order";

/**
 * The payments port, shaped like a card provider's payment intents: `authorize` holds the amount on the
 * card (intent `requires_capture`), `capture` takes it (`succeeded`), `void` releases it (`canceled`),
 * `refund` gives back part or all of what was captured. Every call carries an idempotency key: the same
 * key returns the first call's result and never moves money twice.
 */
export interface CardDetails {
  /** Digits only. */
  number: string;
  expMonth: number;
  /** Four digits. */
  expYear: number;
  cvc: string;
}

export type IntentStatus = "requires_capture" | "succeeded" | "canceled";

export interface PaymentIntent {
  id: string;
  status: IntentStatus;
  amountCents: number;
  currency: "USD";
  capturedCents: number;
  refundedCents: number;
  brand: string;
  last4: string;
  createdAt: string;
}

export interface PaymentRefund {
  id: string;
  intentId: string;
  amountCents: number;
  createdAt: string;
}

export interface PaymentProvider {
  authorize(req: {
    idempotencyKey: string;
    amountCents: number;
    currency: "USD";
    card: CardDetails;
  }): Promise<PaymentIntent>;
  capture(req: { idempotencyKey: string; intentId: string; amountCents: number }): Promise<PaymentIntent>;
  void(req: { idempotencyKey: string; intentId: string }): Promise<PaymentIntent>;
  refund(req: { idempotencyKey: string; intentId: string; amountCents: number }): Promise<PaymentRefund>;
}

export type DeclineCode = "card_declined" | "insufficient_funds";

/** The issuer said no. Nothing is held on the card. */
export class CardDeclined extends Error {
  constructor(readonly code: DeclineCode) {
    super(`card declined (${code})`);
    this.name = "CardDeclined";
  }
}

/**
 * The provider could not process the request this time (its side, or the network); the same call with
 * the same idempotency key may succeed. Marked retryable so a queue consumer backs off and tries again.
 */
export class PaymentProcessingError extends Error {
  readonly $retryable = { throttling: false };
  constructor(message = "the payment provider could not process the request") {
    super(message);
    this.name = "PaymentProcessingError";
  }
}

/** The provider refused the request itself: wrong state, an amount over what is left, a reused key. */
export class PaymentRequestRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaymentRequestRefused";
  }
}

/** A declined card at checkout: the router answers 402 with this message; no order, the cart is kept. */
export class PaymentDeclined extends Error {
  constructor(
    readonly code: DeclineCode,
    message: string,
  ) {
    super(message);
    this.name = "PaymentDeclined";
  }
}

const declineMessages: Record<DeclineCode, string> = {
  card_declined: "Your card was declined. Nothing was charged and your cart is still here: try another card.",
  insufficient_funds:
    "Your card was declined for insufficient funds. Nothing was charged and your cart is still here: try another card.",
};

/** Attempts of one provider call before giving up on a processing error (same key every time). */
export const PAYMENT_ATTEMPTS = 3;

/** Runs `call` again (same idempotency key) after a processing error, up to PAYMENT_ATTEMPTS times. */
const withRetries = async <T>(call: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof PaymentProcessingError) || attempt >= PAYMENT_ATTEMPTS) throw error;
    }
  }
};

/** `authorize:<customer>:<checkout key>`: a double submit of one checkout holds the card once. */
export const authorizeKey = (customerId: string, checkoutKey: string) =>
  `authorize:${customerId}:${checkoutKey}`;

const paymentOf = (intent: PaymentIntent): OrderPayment => ({
  intentId: intent.id,
  brand: intent.brand,
  last4: intent.last4,
  status:
    intent.status === "requires_capture"
      ? "authorized"
      : intent.status === "succeeded"
        ? "captured"
        : "voided",
  amountCents: intent.amountCents,
  capturedCents: intent.capturedCents,
  refundedCents: intent.refundedCents,
});

/**
 * Holds the order's total on the card before the order is saved. A decline becomes PaymentDeclined
 * (402, the cart is kept); a key already used with other details becomes a conflict; a provider that
 * keeps failing is left to the caller (a 5xx-free "try again" is the router's job).
 */
export const authorizePayment = async (
  provider: PaymentProvider,
  req: { customerId: string; checkoutKey: string; amountCents: number; card: CardDetails },
): Promise<OrderPayment> => {
  try {
    const intent = await withRetries(() =>
      provider.authorize({
        idempotencyKey: authorizeKey(req.customerId, req.checkoutKey),
        amountCents: req.amountCents,
        currency: "USD",
        card: req.card,
      }),
    );
    return paymentOf(intent);
  } catch (error) {
    if (error instanceof CardDeclined) throw new PaymentDeclined(error.code, declineMessages[error.code]);
    if (error instanceof PaymentRequestRefused) {
      // The same checkout key was already authorized for another amount or card.
      throw new DomainError(
        "conflict",
        "This checkout was already paid for with different details. Reload the page to place a new order.",
      );
    }
    throw error;
  }
};

/** Takes the held amount (the order's total) once the food is ready. */
export const capturePayment = async (
  provider: PaymentProvider,
  orderId: string,
  payment: OrderPayment,
  totalCents: number,
): Promise<OrderPayment> => ({
  ...payment,
  ...paymentOf(
    await withRetries(() =>
      provider.capture({
        idempotencyKey: `capture:${orderId}`,
        intentId: payment.intentId,
        amountCents: totalCents,
      }),
    ),
  ),
});

/** Releases the hold: the order was rejected or cancelled, nothing is charged. */
export const voidPayment = async (
  provider: PaymentProvider,
  orderId: string,
  payment: OrderPayment,
): Promise<OrderPayment> => ({
  ...payment,
  ...paymentOf(
    await withRetries(() => provider.void({ idempotencyKey: `void:${orderId}`, intentId: payment.intentId })),
  ),
});

/**
 * Gives back `amountCents` of a captured payment (support's tool, later). `refundKey` names the refund
 * (e.g. a support case): the same key never refunds twice (the order remembers it, the provider's
 * idempotency key repeats it), and the total refunded never exceeds the captured amount (checked here
 * against the order, and again by the provider against the intent).
 */
export const refundPayment = async (
  provider: PaymentProvider,
  orderId: string,
  payment: OrderPayment,
  amountCents: number,
  refundKey: string,
): Promise<OrderPayment> => {
  if (payment.refunds?.some((r) => r.key === refundKey)) return payment;
  if (payment.status !== "captured") {
    throw new DomainError(
      "conflict",
      "Only a captured payment can be refunded: this order was never charged.",
    );
  }
  if (!Number.isInteger(amountCents) || amountCents < 1) {
    throw new DomainError("invalid", "A refund is a whole number of cents, at least 1.");
  }
  const left = payment.capturedCents - payment.refundedCents;
  if (amountCents > left) {
    throw new DomainError(
      "conflict",
      `That is more than is left to refund: ${left} of ${payment.capturedCents} cents.`,
    );
  }
  const refund = await withRetries(() =>
    provider.refund({
      idempotencyKey: `refund:${orderId}:${refundKey}`,
      intentId: payment.intentId,
      amountCents,
    }),
  ).catch((error: unknown) => {
    if (error instanceof PaymentRequestRefused) throw new DomainError("conflict", error.message);
    throw error;
  });
  return {
    ...payment,
    refundedCents: payment.refundedCents + refund.amountCents,
    refunds: [
      ...(payment.refunds ?? []),
      { key: refundKey, id: refund.id, amountCents: refund.amountCents, at: refund.createdAt },
    ],
  };
};
