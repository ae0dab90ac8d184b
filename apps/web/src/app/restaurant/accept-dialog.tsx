"use client";

import type { KitchenTicket } from "@tiffin/restaurants";
import { Alert, Button, Dialog, Field, Input, ToggleChip } from "@tiffin/ui";
import { useState } from "react";
import { problemOf } from "@/trpc/problem";
import { clockIn, PREP, prepChoices, prepProblem } from "./kitchen-format";

/**
 * Accept with a prep time: one tap for the usual times, or any whole number from 5 to 90. The button says
 * when the food will be ready, so staff confirm what the customer will be told.
 */
export function AcceptDialog({
  ticket,
  open,
  onClose,
  onAccept,
  accepting,
  busyExtraMinutes,
}: {
  ticket: KitchenTicket;
  open: boolean;
  onClose: () => void;
  onAccept: (prepMinutes: number) => Promise<unknown>;
  accepting: boolean;
  /** A busy kitchen adds these to every estimate. */
  busyExtraMinutes: number;
}) {
  const [raw, setRaw] = useState("15");
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string>();
  const problem = prepProblem(raw);
  const minutes = Number(raw);
  const readyBy =
    problem === undefined
      ? clockIn(ticket.timeZone, new Date(Date.now() + (minutes + busyExtraMinutes) * 60_000).toISOString())
      : undefined;

  const submit = async () => {
    setTouched(true);
    if (problem) return;
    setFailure(undefined);
    try {
      await onAccept(minutes);
      onClose();
    } catch (error) {
      setFailure(problemOf(error).message);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Accept order ${ticket.shortCode}`}
      description="How long until it's ready for pick-up?"
      footer={
        <>
          <Button variant="secondary" size="lg" onClick={onClose}>
            Cancel
          </Button>
          <Button size="lg" onClick={submit} loading={accepting} disabled={touched && problem !== undefined}>
            {readyBy ? `Accept, ready by ${readyBy}` : "Accept"}
          </Button>
        </>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {failure && (
          <Alert tone="danger" live="alert" title="The order wasn't accepted">
            {failure}
          </Alert>
        )}
        <fieldset>
          <legend className="text-sm font-semibold text-stone-900">Prep time</legend>
          <div className="mt-2 grid grid-cols-3 gap-2">
            {prepChoices.map((m) => (
              <ToggleChip
                key={m}
                pressed={raw === String(m)}
                onClick={() => setRaw(String(m))}
                className="min-h-12 justify-center text-base"
              >
                {m} min
              </ToggleChip>
            ))}
          </div>
        </fieldset>
        <Field
          label="Or type the minutes"
          hint={`From ${PREP.min} to ${PREP.max}.${busyExtraMinutes ? ` Busy: ${busyExtraMinutes} min are added for the customer.` : ""}`}
          error={touched ? problem : undefined}
        >
          {(control) => (
            <Input
              {...control}
              inputMode="numeric"
              autoComplete="off"
              value={raw}
              onChange={(e) => setRaw(e.target.value)}
              onBlur={() => setTouched(true)}
            />
          )}
        </Field>
      </form>
    </Dialog>
  );
}
