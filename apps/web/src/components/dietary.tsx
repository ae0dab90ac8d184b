import type { DietaryTag } from "@tiffin/restaurants";
import { Badge, type BadgeTone } from "@tiffin/ui";

const dietary: Record<DietaryTag, { label: string; tone: BadgeTone; symbol: string }> = {
  vegetarian: { label: "Vegetarian", tone: "success", symbol: "🌿" },
  vegan: { label: "Vegan", tone: "success", symbol: "🌱" },
  "gluten-free": { label: "Gluten-free", tone: "info", symbol: "🌾" },
  "dairy-free": { label: "Dairy-free", tone: "info", symbol: "🥛" },
  spicy: { label: "Spicy", tone: "danger", symbol: "🌶️" },
  "contains-nuts": { label: "Contains nuts", tone: "warning", symbol: "🥜" },
};

export function DietaryBadges({ tags, label }: { tags: readonly DietaryTag[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag}>
          <Badge tone={dietary[tag].tone}>
            <span aria-hidden="true">{dietary[tag].symbol}</span>
            {dietary[tag].label}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
