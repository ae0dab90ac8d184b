import { createHash } from "node:crypto";
import { cardBrand, TEST_CARD_DIGITS } from "@tiffin/contracts/payment-card";
import {
  CardDeclined,
  type PaymentIntent,
  PaymentProcessingError,
  type PaymentProvider,
  type PaymentRefund,
  PaymentRequestRefused,
} from "../domain/payments";

/**
 * A payment provider that moves no money, shaped like a real one's payment intents, for local mode and
 * tests (and, until a real provider is wired in, everywhere). Intents and refunds live in a store (the
 * orders table in DynamoDB; memory in tests). Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000
 * 0002 is declined, 4000 0000 0000 9995 has insufficient funds, 4000 0000 0000 0119 fails once with a
 * processing error (per idempotency key) and succeeds on the retry; any other number is authorized.
 *
 * Idempotency: an intent's id is derived from its authorize key and a refund's from its refund key, so
 * the same key can only ever create one of each, even when two calls race (the store creates if absent).
 * A key reused with a different amount or card is refused, as real providers do.
 */
export interface StoredIntent extends PaymentIntent {
  idempotencyKey: string;
  /** amount, currency, brand and last four: what a reuse of the key must match (never the card number). */
  fingerprint: string;
  captureKey?: string;
  /** Bumped by every change; updates are conditional on it. */
  version: number;
}

export interface StoredRefund extends PaymentRefund {
  idempotencyKey: string;
}

export interface IntentStore {
  getIntent(id: string): Promise<StoredIntent | undefined>;
  createIntent(intent: StoredIntent): Promise<"created" | "exists">;
  /** Replaces the intent if it is still at `expectedVersion`. */
  updateIntent(intent: StoredIntent, expectedVersion: number): Promise<"updated" | "conflict">;
  getRefund(id: string): Promise<StoredRefund | undefined>;
  /** Saves a new refund and the intent's new refunded total together, if the intent is still at `expectedVersion`. */
  recordRefund(
    refund: StoredRefund,
    intent: StoredIntent,
    expectedVersion: number,
  ): Promise<"recorded" | "conflict">;
  /** True the first time it is asked for `key` (and remembers it), false after. */
  firstFailure(key: string): Promise<boolean>;
}

const idFrom = (prefix: string, key: string) =>
  `${prefix}_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;

/** Read-decide-write rounds before a contended update gives up (as a retryable processing error). */
const ROUNDS = 5;

const publicIntent = ({
  idempotencyKey: _k,
  fingerprint: _f,
  captureKey: _c,
  version: _v,
  ...intent
}: StoredIntent): PaymentIntent => intent;

const publicRefund = ({ idempotencyKey: _k, ...refund }: StoredRefund): PaymentRefund => refund;

export const simulatedPaymentProvider = (
  store: IntentStore,
  now: () => Date = () => new Date(),
): PaymentProvider => {
  /** Reads the intent and applies `change` with a conditional write, again on a lost race. */
  const changeIntent = async (
    intentId: string,
    change: (intent: StoredIntent) => StoredIntent | "done",
  ): Promise<PaymentIntent> => {
    for (let round = 0; round < ROUNDS; round++) {
      const intent = await store.getIntent(intentId);
      if (!intent) throw new PaymentRequestRefused(`No payment ${intentId} exists.`);
      const next = change(intent);
      if (next === "done") return publicIntent(intent);
      if (
        (await store.updateIntent({ ...next, version: intent.version + 1 }, intent.version)) === "updated"
      ) {
        return publicIntent({ ...next, version: intent.version + 1 });
      }
    }
    throw new PaymentProcessingError("the payment changed while it was being updated");
  };

  return {
    async authorize({ idempotencyKey, amountCents, currency, card }) {
      const brand = cardBrand(card.number);
      const last4 = card.number.slice(-4);
      const fingerprint = `${amountCents}|${currency}|${brand}|${last4}`;
      const id = idFrom("pi", idempotencyKey);
      const matching = (intent: StoredIntent) => {
        if (intent.fingerprint !== fingerprint) {
          throw new PaymentRequestRefused(
            "This idempotency key was already used to authorize a different amount or card.",
          );
        }
        return publicIntent(intent);
      };
      const earlier = await store.getIntent(id);
      if (earlier) return matching(earlier);

      if (card.number === TEST_CARD_DIGITS.declined) throw new CardDeclined("card_declined");
      if (card.number === TEST_CARD_DIGITS.insufficientFunds) throw new CardDeclined("insufficient_funds");
      if (
        card.number === TEST_CARD_DIGITS.processingErrorOnce &&
        (await store.firstFailure(idempotencyKey))
      ) {
        throw new PaymentProcessingError();
      }
      const intent: StoredIntent = {
        id,
        status: "requires_capture",
        amountCents,
        currency,
        capturedCents: 0,
        refundedCents: 0,
        brand,
        last4,
        createdAt: now().toISOString(),
        idempotencyKey,
        fingerprint,
        version: 1,
      };
      if ((await store.createIntent(intent)) === "created") return publicIntent(intent);
      // A concurrent call with the same key created it first.
      const raced = await store.getIntent(id);
      if (!raced) throw new PaymentProcessingError();
      return matching(raced);
    },

    capture: ({ idempotencyKey, intentId, amountCents }) =>
      changeIntent(intentId, (intent) => {
        if (intent.status === "succeeded") {
          if (intent.captureKey === idempotencyKey) return "done";
          throw new PaymentRequestRefused("This payment was already captured.");
        }
        if (intent.status === "canceled")
          throw new PaymentRequestRefused("A voided payment can't be captured.");
        if (amountCents !== intent.amountCents) {
          throw new PaymentRequestRefused(
            `Capture ${intent.amountCents} cents, the authorized amount (asked for ${amountCents}).`,
          );
        }
        return { ...intent, status: "succeeded", capturedCents: amountCents, captureKey: idempotencyKey };
      }),

    void: ({ intentId }) =>
      changeIntent(intentId, (intent) => {
        if (intent.status === "canceled") return "done";
        if (intent.status === "succeeded") {
          throw new PaymentRequestRefused("A captured payment can't be voided: refund it instead.");
        }
        return { ...intent, status: "canceled" };
      }),

    async refund({ idempotencyKey, intentId, amountCents }) {
      const id = idFrom("re", idempotencyKey);
      const same = (refund: StoredRefund) => {
        if (refund.intentId !== intentId || refund.amountCents !== amountCents) {
          throw new PaymentRequestRefused("This idempotency key was already used for a different refund.");
        }
        return publicRefund(refund);
      };
      for (let round = 0; round < ROUNDS; round++) {
        const earlier = await store.getRefund(id);
        if (earlier) return same(earlier);
        const intent = await store.getIntent(intentId);
        if (!intent) throw new PaymentRequestRefused(`No payment ${intentId} exists.`);
        if (intent.status !== "succeeded")
          throw new PaymentRequestRefused("Only a captured payment can be refunded.");
        if (!Number.isInteger(amountCents) || amountCents < 1) {
          throw new PaymentRequestRefused("A refund is at least 1 cent.");
        }
        const left = intent.capturedCents - intent.refundedCents;
        if (amountCents > left) {
          throw new PaymentRequestRefused(
            `Only ${left} of ${intent.capturedCents} cents are left to refund.`,
          );
        }
        const refund: StoredRefund = {
          id,
          intentId,
          amountCents,
          createdAt: now().toISOString(),
          idempotencyKey,
        };
        const next = {
          ...intent,
          refundedCents: intent.refundedCents + amountCents,
          version: intent.version + 1,
        };
        if ((await store.recordRefund(refund, next, intent.version)) === "recorded")
          return publicRefund(refund);
      }
      throw new PaymentProcessingError("the payment changed while it was being refunded");
    },
  };
};
