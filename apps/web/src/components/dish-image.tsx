import type { MenuItem } from "@tiffin/restaurants";
import { cx } from "@tiffin/ui";
import Image from "next/image";

/** Where an uploaded photo is served (the media bucket, through the Router / local router). */
export const photoUrl = (key: string): string => `/media/${key.split("/").map(encodeURIComponent).join("/")}`;

type Pictured = Pick<MenuItem, "name" | "photo" | "illustration">;

/**
 * A dish's picture: its uploaded photo, else the drawing made for the demo, else a plain plate with its
 * initial. Width and height are always given, so the page never shifts when the image arrives.
 */
export function DishImage({ item, className }: { item: Pictured; className?: string }) {
  const box = cx("shrink-0 rounded-xl bg-stone-100 object-cover", className);
  if (item.photo) {
    return (
      <Image
        unoptimized
        src={photoUrl(item.photo.key)}
        width={item.photo.width}
        height={item.photo.height}
        alt={item.photo.alt}
        loading="lazy"
        decoding="async"
        className={box}
      />
    );
  }
  // The drawings carry no information the dish's name does not: hidden from screen readers.
  if (item.illustration) {
    return (
      <Image
        unoptimized
        src={item.illustration}
        width={240}
        height={240}
        alt=""
        loading="lazy"
        decoding="async"
        className={box}
      />
    );
  }
  return (
    <svg viewBox="0 0 240 240" width={240} height={240} aria-hidden="true" className={box}>
      <rect width="240" height="240" fill="#f5f5f4" />
      <circle cx="120" cy="120" r="88" fill="#ffffff" stroke="#e7e5e4" strokeWidth="4" />
      <text
        x="120"
        y="140"
        textAnchor="middle"
        fontSize="64"
        fontWeight="700"
        fill="#a8a29e"
        fontFamily="system-ui,sans-serif"
      >
        {(item.name.trim()[0] ?? "·").toUpperCase()}
      </text>
    </svg>
  );
}
