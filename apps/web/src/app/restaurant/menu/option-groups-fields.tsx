"use client";

import { Button, Field, Input, TrashIcon } from "@tiffin/ui";
import { type GroupDraft, newGroup, newOption, type OptionDraft } from "./item-draft";

/**
 * A dish's option groups: each a name, the fewest and most choices (fewest 1 or more = required, most 1 =
 * pick one), and its options with what each adds to the price. Errors come keyed by field
 * ("item.optionGroups.0.min"), from the form's own checks or from the server.
 */
export function OptionGroupsFields({
  groups,
  errors,
  onChange,
}: {
  groups: GroupDraft[];
  errors: Record<string, string>;
  onChange: (groups: GroupDraft[]) => void;
}) {
  const setGroup = (key: string, change: Partial<GroupDraft>) =>
    onChange(groups.map((g) => (g.key === key ? { ...g, ...change } : g)));
  const setOption = (group: GroupDraft, key: string, change: Partial<OptionDraft>) =>
    setGroup(group.key, { options: group.options.map((o) => (o.key === key ? { ...o, ...change } : o)) });
  // The server names a group's rule problems without the "item." prefix when the menu itself refuses them.
  const errorAt = (path: string) => errors[`item.${path}`] ?? errors[path];

  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold text-stone-900">Options</legend>
      <p className="text-sm text-stone-600">
        Sizes, spice levels, extras. A group is required when its fewest choices is 1 or more, and customers
        pick exactly one when its most choices is 1.
      </p>
      {groups.map((group, gi) => (
        <div key={group.key} className="space-y-3 rounded-2xl bg-stone-50 p-4 ring-1 ring-stone-200">
          <div className="grid gap-3 sm:grid-cols-[1fr_7rem_7rem]">
            <Field label={`Group ${gi + 1} name`} error={errorAt(`optionGroups.${gi}.name`)}>
              {(c) => (
                <Input
                  {...c}
                  value={group.name}
                  placeholder="Spice level"
                  onChange={(e) => setGroup(group.key, { name: e.target.value })}
                />
              )}
            </Field>
            <Field label="Fewest choices" error={errorAt(`optionGroups.${gi}.min`)}>
              {(c) => (
                <Input
                  {...c}
                  inputMode="numeric"
                  value={group.min}
                  onChange={(e) => setGroup(group.key, { min: e.target.value })}
                />
              )}
            </Field>
            <Field label="Most choices" error={errorAt(`optionGroups.${gi}.max`)}>
              {(c) => (
                <Input
                  {...c}
                  inputMode="numeric"
                  value={group.max}
                  onChange={(e) => setGroup(group.key, { max: e.target.value })}
                />
              )}
            </Field>
          </div>
          {errorAt(`optionGroups.${gi}.options`) && (
            <p role="alert" className="text-sm font-medium text-red-700">
              {errorAt(`optionGroups.${gi}.options`)}
            </p>
          )}
          <ul className="space-y-2">
            {group.options.map((option, oi) => (
              <li key={option.key} className="grid items-end gap-2 sm:grid-cols-[1fr_7rem_auto_auto]">
                <Field
                  label={`Option ${oi + 1} of ${group.name || `group ${gi + 1}`}`}
                  error={errorAt(`optionGroups.${gi}.options.${oi}.name`)}
                >
                  {(c) => (
                    <Input
                      {...c}
                      value={option.name}
                      placeholder="Hot"
                      onChange={(e) => setOption(group, option.key, { name: e.target.value })}
                    />
                  )}
                </Field>
                <Field label="Adds ($)" error={errorAt(`optionGroups.${gi}.options.${oi}.priceDeltaCents`)}>
                  {(c) => (
                    <Input
                      {...c}
                      inputMode="decimal"
                      value={option.price}
                      onChange={(e) => setOption(group, option.key, { price: e.target.value })}
                    />
                  )}
                </Field>
                <label className="inline-flex min-h-11 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={option.available}
                    onChange={(e) => setOption(group, option.key, { available: e.target.checked })}
                    className="size-5 accent-orange-700"
                  />
                  Available
                </label>
                <button
                  type="button"
                  aria-label={`Remove option ${oi + 1} of ${group.name || `group ${gi + 1}`}`}
                  onClick={() =>
                    setGroup(group.key, { options: group.options.filter((o) => o.key !== option.key) })
                  }
                  className="grid size-11 place-items-center rounded-full text-stone-600 hover:bg-red-50 hover:text-red-700"
                >
                  <TrashIcon className="size-4.5" />
                </button>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => setGroup(group.key, { options: [...group.options, newOption()] })}
            >
              Add an option
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => onChange(groups.filter((g) => g.key !== group.key))}
            >
              Remove group {gi + 1}
            </Button>
          </div>
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => onChange([...groups, newGroup()])}>
        Add an option group
      </Button>
    </fieldset>
  );
}
