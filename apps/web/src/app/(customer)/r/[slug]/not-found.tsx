import { buttonStyles, EmptyState } from "@tiffin/ui";
import Link from "next/link";
import { DocumentTitle } from "@/components/use-document-title";

export default function RestaurantNotFound() {
  return (
    <>
      <DocumentTitle title="Restaurant not found" />
      <EmptyState
        headingLevel={1}
        icon="🏚️"
        title="We couldn't find that restaurant"
        description="It may have moved, changed its name or left Tiffin. There are plenty of other kitchens to try."
        action={
          <Link href="/" className={buttonStyles()}>
            Browse restaurants
          </Link>
        }
        variant="page"
      />
    </>
  );
}
