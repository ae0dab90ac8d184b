import { Skeleton } from "@tiffin/ui";

/** Three ticket-sized placeholders while orders load. */
export function TicketSkeletons() {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {["a", "b", "c"].map((key) => (
        <Skeleton key={key} className="h-56 rounded-2xl" />
      ))}
    </div>
  );
}

/** The board's shape while the session and the staff member's restaurants load. */
export function BoardSkeleton() {
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6" aria-busy="true">
      <Skeleton className="h-10 w-64 rounded-md" />
      <TicketSkeletons />
    </div>
  );
}
