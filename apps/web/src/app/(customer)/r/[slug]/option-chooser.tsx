"use client";

import type { MenuItem, OptionGroup } from "@tiffin/restaurants";
import { Button, cx, Dialog, Price, QuantityStepper } from "@tiffin/ui";
import { useId, useState } from "react";
import { CART_LIMITS, type CartOption, unitPriceOf } from "@/cart/cart";
import { DishImage } from "@/components/dish-image";
import { type Choice, cartOptionsOf, emptyChoice, groupProblems, groupRule, toggleOption } from "./choice";

const signedPrice = (cents: number) => (cents === 0 ? "" : `+$${(cents / 100).toFixed(2)}`);

/**
 * Choosing a dish's options before adding it: a dialog on desktop, a bottom sheet on phones (the native
 * <dialog> traps focus and gives it back). One fieldset per group, named by its legend; radio buttons for a
 * pick-one group, checkboxes otherwise; a group's rule under its name, and what is missing shown once the
 * person tries to add. The price on the button follows every choice.
 */
export function OptionChooser({
  item,
  onClose,
  onAdd,
}: {
  item: MenuItem | null;
  onClose: () => void;
  onAdd: (item: MenuItem, options: CartOption[], quantity: number) => void;
}) {
  return (
    <Dialog
      open={item !== null}
      onClose={onClose}
      variant="sheet"
      title={item?.name ?? ""}
      description={item?.description}
    >
      {/* Keyed by the dish: every opening starts from an empty choice. */}
      {item && <ChooserBody key={item.id} item={item} onAdd={onAdd} onCancel={onClose} />}
    </Dialog>
  );
}

function ChooserBody({
  item,
  onAdd,
  onCancel,
}: {
  item: MenuItem;
  onAdd: (item: MenuItem, options: CartOption[], quantity: number) => void;
  onCancel: () => void;
}) {
  const [choice, setChoice] = useState<Choice>(emptyChoice);
  const [quantity, setQuantity] = useState(1);
  const [tried, setTried] = useState(false);
  const totalId = useId();
  const problems = groupProblems(item.name, item.optionGroups, choice);
  const options = cartOptionsOf(item.optionGroups, choice);
  const unit = unitPriceOf(item.priceCents, options);
  const missing = Object.keys(problems).length;

  const submit = () => {
    setTried(true);
    if (missing === 0) onAdd(item, options, quantity);
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      className="space-y-5"
    >
      <DishImage item={item} className="aspect-[2/1] h-auto w-full" />
      {item.optionGroups.map((group) => (
        <GroupFields
          key={group.id}
          group={group}
          picked={choice[group.id] ?? []}
          problem={tried ? problems[group.id] : undefined}
          onToggle={(optionId) => setChoice((c) => toggleOption(c, group, optionId))}
          onClear={() => setChoice((c) => ({ ...c, [group.id]: [] }))}
        />
      ))}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 pt-4">
        <QuantityStepper
          value={quantity}
          max={CART_LIMITS.maxQuantity}
          itemLabel={item.name}
          onChange={setQuantity}
        />
        <p id={totalId} aria-live="polite" className="text-sm text-stone-700">
          <Price cents={unit} /> each ·{" "}
          <span className="font-bold text-stone-900">
            <Price cents={unit * quantity} />
          </span>
        </p>
      </div>
      {tried && missing > 0 && (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {missing === 1 ? "One choice is missing" : `${missing} choices are missing`}: see above.
        </p>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" aria-describedby={totalId}>
          Add {quantity} to order · <Price cents={unit * quantity} />
        </Button>
      </div>
    </form>
  );
}

function GroupFields({
  group,
  picked,
  problem,
  onToggle,
  onClear,
}: {
  group: OptionGroup;
  picked: string[];
  problem: string | undefined;
  onToggle: (optionId: string) => void;
  onClear: () => void;
}) {
  const ruleId = useId();
  const problemId = useId();
  const name = useId();
  const single = group.max === 1;
  const full = !single && picked.length >= group.max;
  return (
    <fieldset
      aria-describedby={cx(ruleId, problem && problemId)}
      aria-invalid={problem ? true : undefined}
      className={cx("rounded-2xl p-4 ring-1", problem ? "ring-2 ring-red-600" : "ring-stone-200")}
    >
      <legend className="px-1 text-base font-bold text-stone-900">{group.name}</legend>
      <p id={ruleId} className="text-sm text-stone-600">
        {groupRule(group)}
        {full && " (maximum reached)"}
      </p>
      {problem && (
        <p id={problemId} className="mt-1 text-sm font-semibold text-red-700">
          {problem.charAt(0).toUpperCase() + problem.slice(1)}
        </p>
      )}
      <ul className="mt-2 divide-y divide-stone-100">
        {/* An optional pick-one group: a radio button cannot be unticked, so "None" is a choice too. */}
        {single && group.min === 0 && (
          <li>
            <label className="flex min-h-11 cursor-pointer items-center gap-3 py-2">
              <input
                type="radio"
                name={name}
                value=""
                checked={picked.length === 0}
                onChange={onClear}
                className="size-5 accent-orange-700"
              />
              <span className="flex-1">None</span>
            </label>
          </li>
        )}
        {group.options.map((option) => {
          const checked = picked.includes(option.id);
          const disabled = !option.available || (full && !checked);
          return (
            <li key={option.id}>
              <label
                className={cx(
                  "flex min-h-11 cursor-pointer items-center gap-3 py-2",
                  disabled && "cursor-not-allowed text-stone-500",
                )}
              >
                <input
                  type={single ? "radio" : "checkbox"}
                  name={name}
                  value={option.id}
                  checked={checked}
                  disabled={disabled}
                  onChange={() => onToggle(option.id)}
                  className="size-5 accent-orange-700"
                />
                <span className="flex-1">{option.name}</span>
                {!option.available ? (
                  <span className="text-sm">Sold out</span>
                ) : (
                  <span className="text-sm tabular-nums text-stone-700">
                    {signedPrice(option.priceDeltaCents)}
                  </span>
                )}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
