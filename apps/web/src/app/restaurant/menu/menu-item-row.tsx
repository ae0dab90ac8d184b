"use client";

import type { MenuItem } from "@tiffin/restaurants";
import { Badge, Button, Price } from "@tiffin/ui";
import { DishImage } from "@/components/dish-image";
import { AvailabilityToggle } from "./availability-toggle";

/** One dish in the editor: picture, name, price, sold-out switch, edit and delete; its options' switches. */
export function MenuItemRow({
  item,
  busy,
  onEdit,
  onDelete,
  onAvailability,
  onOptionAvailability,
}: {
  item: MenuItem;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onAvailability: (available: boolean) => void;
  onOptionAvailability: (groupId: string, optionId: string, available: boolean) => void;
}) {
  return (
    <li className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
      <div className="flex flex-wrap items-start gap-4">
        <DishImage item={item} className="size-16" />
        <div className="min-w-0 flex-1">
          <h3 className="font-bold text-stone-900">{item.name}</h3>
          <p className="text-sm text-stone-700">
            <Price cents={item.priceCents} />
            {item.optionGroups.length > 0 && ` · ${item.optionGroups.map((g) => g.name).join(", ")}`}
          </p>
          {!item.available && (
            <Badge tone="neutral" className="mt-1">
              Sold out
            </Badge>
          )}
        </div>
        {/* Below the name on a phone, beside it on wider screens. */}
        <div className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
          <AvailabilityToggle
            name={item.name}
            available={item.available}
            busy={busy}
            onChange={onAvailability}
          />
          <Button variant="secondary" size="sm" onClick={onEdit} aria-label={`Edit ${item.name}`}>
            Edit
          </Button>
          <Button variant="ghost" size="sm" onClick={onDelete} aria-label={`Delete ${item.name}`}>
            Delete
          </Button>
        </div>
      </div>
      {item.optionGroups.length > 0 && (
        <details className="mt-3 rounded-xl bg-stone-50 px-3 py-2">
          <summary className="min-h-9 cursor-pointer py-1.5 text-sm font-semibold text-stone-800">
            Options sold out or back on
          </summary>
          {item.optionGroups.map((group) => (
            <div key={group.id} className="py-1">
              <p className="text-sm font-semibold text-stone-700">{group.name}</p>
              <ul className="flex flex-wrap gap-x-4">
                {group.options.map((option) => (
                  <li key={option.id} className="flex items-center gap-2">
                    <span className="text-sm text-stone-800">{option.name}</span>
                    <AvailabilityToggle
                      name={`${option.name} (${group.name}, ${item.name})`}
                      available={option.available}
                      busy={busy}
                      onChange={(available) => onOptionAvailability(group.id, option.id, available)}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
    </li>
  );
}
