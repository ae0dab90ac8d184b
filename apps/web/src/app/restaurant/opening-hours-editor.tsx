"use client";

import { Alert, Button, cardStyles, Field, Input } from "@tiffin/ui";
import { useId, useMemo, useState } from "react";
import { type DayRow, dayLabels, type HoursEntry, hoursFromRows, rowsFromHours } from "./kitchen-format";
import type { StoreSettingsState } from "./use-store-settings";

const MAX_RANGES = 3;

/** Every zone the browser knows, for the picker (the server checks the same way). */
const knownZones = (): string[] => {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
};

/**
 * The week's opening hours, one row a day: closed, open around the clock, or up to three ranges (a range
 * that closes before it opens runs past midnight). Saved as a whole; the server names what to fix.
 */
export function OpeningHoursEditor({
  store,
  initial,
}: {
  store: StoreSettingsState;
  initial: { timeZone: string; openingHours: HoursEntry[] };
}) {
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [rows, setRows] = useState<DayRow[]>(() => rowsFromHours(initial.openingHours));
  const zones = useMemo(knownZones, []);
  const zonesId = useId();
  const problem = store.hoursProblem;
  const update = (day: number, change: (row: DayRow) => DayRow) =>
    setRows((all) => all.map((r) => (r.day === day ? change(r) : r)));

  return (
    <section aria-labelledby="opening-hours-heading" className={cardStyles("space-y-5 p-4 sm:p-5")}>
      <div>
        <h2 id="opening-hours-heading" className="text-lg font-bold">
          Opening hours
        </h2>
        <p className="text-sm text-stone-600">
          Outside these hours customers can read the menu but can't order. A range that closes before it opens
          (18:00 to 02:00) runs past midnight.
        </p>
      </div>
      {problem && (
        <Alert tone="danger" live="alert" title="The opening hours weren't saved">
          {problem.message}
        </Alert>
      )}
      {store.hoursSaved && !problem && (
        <Alert tone="success" live="status" title="Opening hours saved">
          Customers see the new hours now.
        </Alert>
      )}
      <form
        className="space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          store.setHours(timeZone.trim(), hoursFromRows(rows));
        }}
      >
        <Field
          label="Time zone"
          hint="Where the restaurant is, e.g. Europe/London."
          error={problem?.fieldErrors.timeZone}
        >
          {(control) => (
            <Input
              {...control}
              list={zonesId}
              autoComplete="off"
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
            />
          )}
        </Field>
        <datalist id={zonesId}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>

        <ul className="divide-y divide-stone-100">
          {rows.map((row) => (
            <DayEditor key={row.day} row={row} onChange={(change) => update(row.day, change)} />
          ))}
        </ul>
        <Button type="submit" size="lg" loading={store.savingHours}>
          Save opening hours
        </Button>
      </form>
    </section>
  );
}

function DayEditor({ row, onChange }: { row: DayRow; onChange: (change: (row: DayRow) => DayRow) => void }) {
  const day = dayLabels[row.day] ?? "";
  const name = useId();
  return (
    <li className="space-y-3 py-3">
      <fieldset>
        <legend className="font-semibold">{day}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {(
            [
              ["closed", "Closed"],
              ["allDay", "Open 24 hours"],
              ["ranges", "Set hours"],
            ] as const
          ).map(([mode, label]) => (
            <label
              key={mode}
              className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-xl px-3 ring-1 ring-inset ring-stone-300 has-checked:bg-orange-50 has-checked:ring-orange-700"
            >
              <input
                type="radio"
                name={name}
                checked={row.mode === mode}
                onChange={() => onChange((r) => ({ ...r, mode }))}
                className="size-5 accent-orange-700"
              />
              <span className="text-sm font-medium">{label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {row.mode === "ranges" && (
        <div className="space-y-2">
          {row.ranges.map((range, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: ranges are edited in place, never reordered
            <div key={i} className="flex flex-wrap items-end gap-2">
              <Field label={`${day} opens${row.ranges.length > 1 ? ` (${i + 1})` : ""}`} className="w-36">
                {(control) => (
                  <Input
                    {...control}
                    type="time"
                    required
                    value={range.opens}
                    onChange={(e) =>
                      onChange((r) => ({
                        ...r,
                        ranges: r.ranges.map((x, j) => (j === i ? { ...x, opens: e.target.value } : x)),
                      }))
                    }
                  />
                )}
              </Field>
              <Field label={`${day} closes${row.ranges.length > 1 ? ` (${i + 1})` : ""}`} className="w-36">
                {(control) => (
                  <Input
                    {...control}
                    type="time"
                    required
                    value={range.closes}
                    onChange={(e) =>
                      onChange((r) => ({
                        ...r,
                        ranges: r.ranges.map((x, j) => (j === i ? { ...x, closes: e.target.value } : x)),
                      }))
                    }
                  />
                )}
              </Field>
              {row.ranges.length > 1 && (
                <Button
                  variant="ghost"
                  onClick={() => onChange((r) => ({ ...r, ranges: r.ranges.filter((_, j) => j !== i) }))}
                >
                  Remove
                </Button>
              )}
            </div>
          ))}
          {row.ranges.length < MAX_RANGES && (
            <Button
              variant="ghost"
              size="sm"
              onClick={() =>
                onChange((r) => ({ ...r, ranges: [...r.ranges, { opens: "18:00", closes: "22:00" }] }))
              }
            >
              Add hours on {day}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
