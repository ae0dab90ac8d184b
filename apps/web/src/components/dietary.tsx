import type { DietaryTag } from "@tiffin/restaurants";
import { Badge, type BadgeTone } from "@tiffin/ui";

// Words and colours only: emoji symbols render as empty boxes where no emoji font is installed.
const dietary: Record<DietaryTag, { label: string; tone: BadgeTone }> = {
  vegetarian: { label: "Vegetarian", tone: "success" },
  vegan: { label: "Vegan", tone: "success" },
  "gluten-free": { label: "Gluten-free", tone: "info" },
  "dairy-free": { label: "Dairy-free", tone: "info" },
  spicy: { label: "Spicy", tone: "danger" },
  "contains-nuts": { label: "Contains nuts", tone: "warning" },
};

export const DIETARY_LABELS: Record<DietaryTag, string> = Object.fromEntries(
  Object.entries(dietary).map(([tag, { label }]) => [tag, label]),
) as Record<DietaryTag, string>;

export function DietaryBadges({ tags, label }: { tags: readonly DietaryTag[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag}>
          <Badge tone={dietary[tag].tone}>{dietary[tag].label}</Badge>
        </li>
      ))}
    </ul>
  );
}
