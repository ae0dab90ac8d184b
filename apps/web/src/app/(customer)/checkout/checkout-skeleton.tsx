import { Skeleton } from "@tiffin/ui";

export function CheckoutSkeleton() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6" aria-busy="true">
      <p role="status" className="sr-only">
        Loading your cart…
      </p>
      <Skeleton className="h-4 w-40 rounded-md" />
      <Skeleton className="mt-4 h-9 w-48 rounded-md" />
      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Skeleton className="h-96 rounded-2xl" />
        <Skeleton className="h-72 rounded-2xl" />
      </div>
    </div>
  );
}
