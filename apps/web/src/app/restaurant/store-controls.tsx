"use client";

import { Alert, Button, cardStyles, Field, Input, ToggleChip } from "@tiffin/ui";
import { useState } from "react";
import { busyChoices, charCount, pauseChoices, type StoreView, storeHeadline } from "./kitchen-format";
import type { StoreSettingsState } from "./use-store-settings";

const MESSAGE_MAX = 200;

/** Whether the store takes orders, in one line, with its tone: on every view of the dashboard. */
export function StoreStatusLine({ settings, onChange }: { settings: StoreView; onChange?: () => void }) {
  const headline = storeHeadline(settings);
  return (
    <Alert
      tone={headline.tone}
      title={headline.text}
      action={
        onChange && (
          <Button variant="secondary" size="sm" onClick={onChange}>
            Change store status
          </Button>
        )
      }
    >
      {settings.availability.status === "paused" && settings.store.message
        ? `Customers see: "${settings.store.message}"`
        : undefined}
    </Alert>
  );
}

/** Open, pause (15, 30, 60 minutes or until resumed, with a message) or busy (+N minutes). */
export function StoreControls({ store }: { store: StoreSettingsState }) {
  const settings = store.settings.data;
  const [message, setMessage] = useState("");
  const [busyMinutes, setBusyMinutes] = useState<number>(settings?.store.busyExtraMinutes || 15);
  if (!settings) return null;
  const count = charCount(message);
  const messageError =
    count > MESSAGE_MAX ? `Keep it to ${MESSAGE_MAX} characters (${count} now).` : undefined;
  const problem = store.stateProblem;
  const pause = (minutes: number | null) => {
    if (messageError) return;
    store.setState({
      state: "paused",
      pausedUntil: minutes === null ? null : new Date(Date.now() + minutes * 60_000).toISOString(),
      message,
    });
  };

  return (
    <section aria-labelledby="store-status-heading" className={cardStyles("space-y-5 p-4 sm:p-5")}>
      <h2 id="store-status-heading" className="text-lg font-bold">
        Store status
      </h2>
      <StoreStatusLine settings={settings} />
      {problem && (
        <Alert tone="danger" live="alert" title="The store status wasn't changed">
          {problem.message}
        </Alert>
      )}

      {settings.store.state !== "open" && (
        <Button size="lg" onClick={() => store.setState({ state: "open" })} loading={store.savingState}>
          Resume: take orders normally
        </Button>
      )}

      <fieldset className="space-y-3">
        <legend className="font-semibold">Pause new orders</legend>
        <Field
          label="Message for customers"
          optional
          hint={`For example "Back at 19:30". ${count}/${MESSAGE_MAX} characters.`}
          error={messageError ?? problem?.fieldErrors.message}
        >
          {(control) => <Input {...control} value={message} onChange={(e) => setMessage(e.target.value)} />}
        </Field>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {pauseChoices.map((c) => (
            <Button
              key={c.label}
              variant="secondary"
              size="lg"
              onClick={() => pause(c.minutes)}
              disabled={store.savingState}
            >
              {c.minutes === null ? "Pause until I resume" : `Pause ${c.label}`}
            </Button>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="font-semibold">Busy: keep taking orders, with longer estimates</legend>
        <div className="flex flex-wrap gap-2">
          {busyChoices.map((m) => (
            <ToggleChip
              key={m}
              pressed={busyMinutes === m}
              onClick={() => setBusyMinutes(m)}
              className="min-h-12"
            >
              +{m} min
            </ToggleChip>
          ))}
        </div>
        <Button
          variant="secondary"
          size="lg"
          onClick={() => store.setState({ state: "busy", busyExtraMinutes: busyMinutes })}
          disabled={store.savingState}
        >
          Mark busy (+{busyMinutes} min)
        </Button>
      </fieldset>
    </section>
  );
}
