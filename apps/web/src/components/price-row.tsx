import { Price } from "@tiffin/ui";

/** One line of a bill (subtotal, a fee) inside a `<dl>`; zero reads "Free". */
export function PriceRow({ label, cents }: { label: string; cents: number }) {
  return (
    <div className="flex justify-between text-stone-700">
      <dt>{label}</dt>
      <dd>{cents === 0 ? "Free" : <Price cents={cents} />}</dd>
    </div>
  );
}
