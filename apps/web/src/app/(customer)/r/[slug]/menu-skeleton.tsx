import { Skeleton } from "@tiffin/ui";

/** The menu's shape while it loads, announced once. */
export function MenuSkeleton() {
  return (
    <div aria-busy="true">
      <p className="sr-only" role="status">
        Loading the menu…
      </p>
      <Skeleton className="h-32 sm:h-44" />
      <div className="mx-auto max-w-6xl space-y-3 px-4 py-6 sm:px-6">
        <Skeleton className="h-9 w-2/3 max-w-sm rounded-md" />
        <Skeleton className="h-4 w-1/2 max-w-xs rounded-md" />
        <Skeleton className="h-4 w-3/4 max-w-lg rounded-md" />
        <div className="grid gap-3 pt-8 md:grid-cols-2">
          {["a", "b", "c", "d"].map((key) => (
            <Skeleton key={key} className="h-32 rounded-2xl" />
          ))}
        </div>
      </div>
    </div>
  );
}
