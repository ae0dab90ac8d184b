"use client";

import { useQuery } from "@tanstack/react-query";
import type { SalesReport } from "@tiffin/restaurants";
import { cardStyles, formatPrice, Skeleton } from "@tiffin/ui";
import { LoadError } from "@/components/load-error";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";
import { percent } from "./kitchen-format";

const REFRESH_MS = 30_000;

type Summary = SalesReport["todaySummary"];

/** Today and the last seven days, from the kitchen's own tickets: orders, revenue, average, top dishes, rejections. */
export function SalesPanel({ restaurantId }: { restaurantId: string }) {
  const trpc = useTRPC();
  const sales = useQuery({
    ...trpc.restaurants.sales.queryOptions({ restaurantId }),
    refetchInterval: REFRESH_MS,
  });

  if (sales.isError && !sales.data) {
    return (
      <LoadError
        title="We couldn't load your sales"
        message={problemOf(sales.error).message}
        onRetry={() => sales.refetch()}
        retrying={sales.isFetching}
      />
    );
  }
  if (!sales.data) return <Skeleton className="h-64 rounded-2xl" />;
  const report = sales.data;
  const best = Math.max(1, ...report.days.map((d) => d.revenueCents));
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Figures title="Today" summary={report.todaySummary} />
        <Figures title="Last 7 days" summary={report.lastSevenDays} />
      </div>
      <section aria-labelledby="sales-days-heading" className={cardStyles("p-4 sm:p-5")}>
        <h2 id="sales-days-heading" className="text-lg font-bold">
          Day by day
        </h2>
        <p className="text-sm text-stone-600">
          Days in {report.timeZone}; an order counts on the day it was placed.
        </p>
        <table className="mt-3 w-full text-left text-sm">
          <thead>
            <tr className="text-stone-600">
              <th scope="col" className="py-2 font-semibold">
                Day
              </th>
              <th scope="col" className="py-2 text-right font-semibold">
                Orders
              </th>
              <th scope="col" className="py-2 text-right font-semibold">
                Revenue
              </th>
              <th scope="col" className="hidden py-2 pl-4 font-semibold sm:table-cell">
                <span className="sr-only">Revenue bar</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {report.days.map((d) => (
              <tr key={d.day} className="border-t border-stone-100">
                <th scope="row" className="py-2 font-medium">
                  {d.day === report.today ? "Today" : weekday(d.day)}
                </th>
                <td className="py-2 text-right tabular-nums">{d.orders}</td>
                <td className="py-2 text-right tabular-nums">{formatPrice(d.revenueCents)}</td>
                <td className="hidden w-1/3 py-2 pl-4 sm:table-cell" aria-hidden="true">
                  <div
                    className="h-2 rounded-full bg-orange-600"
                    style={{ width: `${(d.revenueCents / best) * 100}%` }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

const weekday = (day: string) =>
  new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));

function Figures({ title, summary }: { title: string; summary: Summary }) {
  const id = `sales-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className={cardStyles("p-4 sm:p-5")}>
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3">
        <Figure label="Orders" value={String(summary.orders)} />
        <Figure label="Revenue" value={formatPrice(summary.revenueCents)} />
        <Figure label="Average order" value={summary.orders ? formatPrice(summary.averageOrderCents) : "–"} />
        <Figure
          label="Rejection rate"
          value={percent(summary.rejectionRate)}
          detail={
            summary.rejected
              ? `${summary.rejected} rejected${summary.rejectedAutomatically ? `, ${summary.rejectedAutomatically} not answered in time` : ""}`
              : undefined
          }
        />
      </dl>
      <h3 className="mt-4 text-sm font-semibold text-stone-900">Top dishes</h3>
      {summary.topItems.length === 0 ? (
        <p className="text-sm text-stone-600">No accepted orders yet.</p>
      ) : (
        <ol className="mt-1 space-y-1 text-sm">
          {summary.topItems.map((item) => (
            <li key={item.itemId} className="flex justify-between gap-3">
              <span>{item.name}</span>
              <span className="tabular-nums text-stone-700">{item.quantity}×</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-xl bg-stone-50 p-3">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="text-xl font-bold tabular-nums text-stone-900">{value}</dd>
      {detail && <dd className="text-xs text-stone-600">{detail}</dd>}
    </div>
  );
}
