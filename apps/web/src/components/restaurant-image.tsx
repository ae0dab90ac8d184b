import { cx } from "@tiffin/ui";
import Image from "next/image";
import { accentTile } from "./restaurant-card";

/**
 * A restaurant's picture (the drawing made for it; 2:1), or its colour where it has none. Decorative: the
 * name is always next to it.
 */
export function RestaurantImage({
  restaurant: r,
  className,
  eager = false,
}: {
  restaurant: { illustration?: string; accent?: string };
  className?: string;
  /** Above the fold (the menu header): load at once. */
  eager?: boolean;
}) {
  if (!r.illustration) {
    return <div aria-hidden="true" className={className} style={accentTile(r.accent ?? "#a8a29e")} />;
  }
  return (
    <Image
      unoptimized
      src={r.illustration}
      width={640}
      height={320}
      alt=""
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={cx("object-cover", className)}
      style={{ backgroundColor: r.accent }}
    />
  );
}
