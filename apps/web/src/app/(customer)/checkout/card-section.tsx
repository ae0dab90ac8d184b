"use client";

import { TEST_CARDS } from "@tiffin/contracts/payment-card";
import { Button, Card, Field, Input } from "@tiffin/ui";
import { formatExpiry, groupCardNumber } from "@/checkout/card";
import type { Checkout } from "./use-checkout";

/**
 * The card that pays. The order's total is held on it when the order is placed and taken when the food is
 * ready; nothing is taken if the restaurant rejects the order or it is cancelled. In local mode the
 * simulated provider's test cards are listed, each one click away.
 */
export function CardSection({
  card,
  errors,
  fieldRef,
  updateCard,
  testMode,
}: Pick<Checkout, "card" | "errors" | "fieldRef" | "updateCard"> & { testMode: boolean }) {
  return (
    <Card className="space-y-5 p-5 sm:p-6">
      <div>
        <h2 className="text-lg font-bold">Payment</h2>
        <p className="mt-1 text-sm text-stone-600">
          We hold the total on your card now and charge it when the restaurant has your food ready. If the
          order is rejected or cancelled, the hold is released.
        </p>
      </div>
      <Field label="Card number" error={errors.number}>
        {(control) => (
          <Input
            {...control}
            ref={fieldRef("number")}
            name="cardnumber"
            inputMode="numeric"
            autoComplete="cc-number"
            placeholder="1234 1234 1234 1234"
            value={card.number}
            onChange={(e) => updateCard("number", groupCardNumber(e.target.value))}
          />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field label="Expiry (MM/YY)" error={errors.expiry}>
          {(control) => (
            <Input
              {...control}
              ref={fieldRef("expiry")}
              name="cc-exp"
              inputMode="numeric"
              autoComplete="cc-exp"
              placeholder="MM/YY"
              value={card.expiry}
              onChange={(e) => updateCard("expiry", formatExpiry(e.target.value))}
            />
          )}
        </Field>
        <Field label="Security code" error={errors.cvc}>
          {(control) => (
            <Input
              {...control}
              ref={fieldRef("cvc")}
              name="cvc"
              inputMode="numeric"
              autoComplete="cc-csc"
              placeholder="123"
              value={card.cvc}
              onChange={(e) => updateCard("cvc", e.target.value.replace(/\D/g, "").slice(0, 4))}
            />
          )}
        </Field>
      </div>
      {testMode && <TestCards onPick={(number) => updateCard("number", number)} />}
    </Card>
  );
}

/** Local mode only: the simulated provider's cards and what each one does. No real money moves. */
function TestCards({ onPick }: { onPick: (number: string) => void }) {
  return (
    <section aria-labelledby="test-cards-title" className="rounded-xl bg-sky-50 p-4 ring-1 ring-sky-200">
      <h3 id="test-cards-title" className="text-sm font-bold text-sky-950">
        Test mode: no real card is charged
      </h3>
      <p className="mt-1 text-sm text-sky-950">
        Any future expiry date and any 3 digits work with these cards.
      </p>
      <ul className="mt-3 space-y-2">
        {TEST_CARDS.map((test) => (
          <li key={test.number} className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span>
              <span className="font-mono font-semibold">{test.number}</span>{" "}
              <span className="text-sky-950">{test.outcome}</span>
            </span>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => onPick(test.number)}
              aria-label={`Use test card ${test.number} (${test.outcome})`}
            >
              Use
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
