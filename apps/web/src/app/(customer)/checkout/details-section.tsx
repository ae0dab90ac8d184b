"use client";

import { Card, Field, Input, Textarea } from "@tiffin/ui";
import type { Checkout } from "./use-checkout";

/** Who the order is for and where it goes: name, phone, address, notes for the courier. */
export function DetailsSection({
  draft,
  errors,
  fieldRef,
  updateDetail,
}: Pick<Checkout, "draft" | "errors" | "fieldRef" | "updateDetail">) {
  return (
    <>
      <Card className="space-y-5 p-5 sm:p-6">
        <h2 className="text-lg font-bold">Your details</h2>
        <Field label="Full name" error={errors.name}>
          {(control) => (
            <Input
              {...control}
              ref={fieldRef("name")}
              name="name"
              autoComplete="name"
              value={draft.name}
              onChange={(e) => updateDetail("name", e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Phone number"
          hint="The courier will call this number if they can't find you."
          error={errors.phone}
        >
          {(control) => (
            <Input
              {...control}
              ref={fieldRef("phone")}
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              placeholder="+1 415 555 0134"
              value={draft.phone}
              onChange={(e) => updateDetail("phone", e.target.value)}
            />
          )}
        </Field>
      </Card>
      <Card className="space-y-5 p-5 sm:p-6">
        <h2 className="text-lg font-bold">Delivery</h2>
        <Field label="Delivery address" hint="Street, number, apartment and city." error={errors.address}>
          {(control) => (
            <Textarea
              {...control}
              ref={fieldRef("address")}
              name="address"
              autoComplete="street-address"
              rows={2}
              value={draft.address}
              onChange={(e) => updateDetail("address", e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Notes for the courier"
          optional
          hint="Buzzer code, floor, where to leave it…"
          error={errors.notes}
        >
          {(control) => (
            <Textarea
              {...control}
              ref={fieldRef("notes")}
              name="notes"
              rows={3}
              value={draft.notes}
              onChange={(e) => updateDetail("notes", e.target.value)}
            />
          )}
        </Field>
      </Card>
    </>
  );
}
