import { Price } from "@tiffin/ui";
import { optionsText } from "@/cart/cart";

interface Priced {
  lines: {
    itemId: string;
    name: string;
    quantity: number;
    lineTotalCents: number;
    /** Chosen options (orders placed before options existed have none). */
    options?: { groupName: string; name: string }[];
  }[];
  subtotalCents: number;
  deliveryFeeCents: number;
  serviceFeeCents: number;
  totalCents: number;
}

function PriceRow({ label, cents }: { label: string; cents: number }) {
  return (
    <div className="flex justify-between text-stone-700">
      <dt>{label}</dt>
      <dd>{cents === 0 ? "Free" : <Price cents={cents} />}</dd>
    </div>
  );
}

/** The dishes and the money of a quote or an order, every figure as the server computed it. */
export function Bill({ priced }: { priced: Priced }) {
  return (
    <>
      <ul className="mt-4 divide-y divide-stone-100">
        {priced.lines.map((line) => (
          // The same dish with other options is another line (the server merges equal choices).
          <li
            key={`${line.itemId}|${optionsText(line.options ?? [])}`}
            className="flex justify-between gap-3 py-2.5 text-sm"
          >
            <span>
              <span className="font-semibold tabular-nums">{line.quantity} ×</span> {line.name}
              {line.options && line.options.length > 0 && (
                <span className="block text-xs text-stone-600">{optionsText(line.options)}</span>
              )}
            </span>
            <Price cents={line.lineTotalCents} />
          </li>
        ))}
      </ul>
      <dl className="mt-3 space-y-1.5 border-t border-stone-200 pt-3 text-sm">
        <PriceRow label="Subtotal" cents={priced.subtotalCents} />
        <PriceRow label="Delivery fee" cents={priced.deliveryFeeCents} />
        <PriceRow label="Service fee" cents={priced.serviceFeeCents} />
        <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-bold">
          <dt>Total</dt>
          <dd>
            <Price cents={priced.totalCents} />
          </dd>
        </div>
      </dl>
    </>
  );
}
