"use client";

import type { KitchenTicket } from "@tiffin/restaurants";
import { Alert, Button, Dialog, Field, Textarea } from "@tiffin/ui";
import { useId, useState } from "react";
import { problemOf } from "@/trpc/problem";
import { charCount, NOTE_MAX, type StaffReason, staffReasons } from "./kitchen-format";

/** Reject with a reason the customer is told; "Other" needs a note (up to 300 characters, as typed). */
export function RejectDialog({
  ticket,
  open,
  onClose,
  onReject,
  rejecting,
}: {
  ticket: KitchenTicket;
  open: boolean;
  onClose: () => void;
  onReject: (reason: StaffReason, note: string) => Promise<unknown>;
  rejecting: boolean;
}) {
  const [reason, setReason] = useState<StaffReason | undefined>();
  const [note, setNote] = useState("");
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<{ message: string; fieldErrors: Record<string, string> }>();
  const legendId = useId();
  const count = charCount(note);
  const reasonError = touched && !reason ? "Choose a reason." : undefined;
  const noteError =
    failure?.fieldErrors.note ??
    (count > NOTE_MAX
      ? `Keep the note to ${NOTE_MAX} characters (${count} now).`
      : touched && reason === "other" && count === 0
        ? "Tell the customer why: a note is needed for Other."
        : undefined);

  const submit = async () => {
    setTouched(true);
    if (!reason || (reason === "other" && count === 0) || count > NOTE_MAX) return;
    setFailure(undefined);
    try {
      await onReject(reason, note);
      onClose();
    } catch (error) {
      const problem = problemOf(error);
      setFailure({ message: problem.message, fieldErrors: problem.fieldErrors });
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      role="alertdialog"
      title={`Reject order ${ticket.shortCode}?`}
      description="The customer is told the reason straight away and is not charged."
      footer={
        <>
          <Button variant="secondary" size="lg" onClick={onClose}>
            Keep the order
          </Button>
          <Button variant="danger" size="lg" onClick={submit} loading={rejecting}>
            Reject order
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
        {failure && !failure.fieldErrors.note && (
          <Alert tone="danger" live="alert" title="The order wasn't rejected">
            {failure.message}
          </Alert>
        )}
        <fieldset aria-labelledby={legendId} aria-invalid={reasonError ? true : undefined}>
          <legend id={legendId} className="text-sm font-semibold text-stone-900">
            Reason
          </legend>
          <div className="mt-2 space-y-2">
            {staffReasons.map((r) => (
              <label
                key={r.value}
                className="flex min-h-12 cursor-pointer items-center gap-3 rounded-xl px-3 ring-1 ring-inset ring-stone-300 has-checked:bg-orange-50 has-checked:ring-orange-700"
              >
                <input
                  type="radio"
                  name="reason"
                  value={r.value}
                  checked={reason === r.value}
                  onChange={() => setReason(r.value)}
                  className="size-5 accent-orange-700"
                />
                <span className="font-medium">{r.label}</span>
              </label>
            ))}
          </div>
          {reasonError && <p className="mt-2 text-sm font-medium text-red-700">{reasonError}</p>}
        </fieldset>
        <Field
          label="Note for the customer"
          optional={reason !== "other"}
          hint={`${count}/${NOTE_MAX} characters`}
          error={noteError}
        >
          {(control) => (
            <Textarea {...control} value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
          )}
        </Field>
      </form>
    </Dialog>
  );
}
