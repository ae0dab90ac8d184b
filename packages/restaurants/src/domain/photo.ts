import { DomainError } from "@tiffin/kit/domain-error";
import { imageSize } from "image-size";
import type { PhotoStore } from "./ports";

/** What a menu photo may be: a JPEG, PNG or WebP of at most 2 MB, between 64 and 8,000 pixels a side. */
export const PHOTO_RULES = {
  contentTypes: ["image/jpeg", "image/png", "image/webp"],
  maxBytes: 2 * 1024 * 1024,
  minSide: 64,
  maxSide: 8000,
  /** How long a presigned upload stays usable. */
  uploadExpiresSeconds: 10 * 60,
} as const;
export type PhotoContentType = (typeof PHOTO_RULES.contentTypes)[number];

/** The bytes each allowed type starts with (WebP: "RIFF", four size bytes, "WEBP"). */
const startsAs = (bytes: Uint8Array): PhotoContentType | undefined => {
  const at = (i: number, ...values: number[]) => values.every((v, j) => bytes[i + j] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  return undefined;
};

/** Where an upload is kept: under its restaurant, so one restaurant can never attach another's file. */
export const photoKey = (restaurantId: string, uploadId: string): string =>
  `menu/${restaurantId}/${uploadId}`;

const refuse = (message: string) => new DomainError("invalid", message, { photo: message });

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Refuses, before anything is signed, a photo the rules already say no to. */
export const checkPhotoRequest = (contentType: string, sizeBytes: number): void => {
  if (!(PHOTO_RULES.contentTypes as readonly string[]).includes(contentType)) {
    throw refuse("Upload a JPEG, PNG or WebP photo.");
  }
  if (sizeBytes > PHOTO_RULES.maxBytes) {
    throw refuse(`That photo is ${megabytes(sizeBytes)}: upload one of at most 2 MB.`);
  }
};

/**
 * Looks at what was actually uploaded (never trusting the name or the declared type): its size, its first
 * bytes, and its dimensions, read from the file itself. Returns the width and height pages reserve.
 */
export const inspectUploadedPhoto = async (
  store: PhotoStore,
  key: string,
): Promise<{ width: number; height: number; contentType: PhotoContentType }> => {
  const head = await store.head(key);
  if (!head) throw refuse("We didn't receive that photo. Upload it again, then save.");
  if (head.sizeBytes > PHOTO_RULES.maxBytes) {
    throw refuse(`That photo is ${megabytes(head.sizeBytes)}: upload one of at most 2 MB.`);
  }
  if (head.sizeBytes === 0) throw refuse("That photo is empty. Upload it again.");
  // The first 64 KB hold the magic bytes and almost always the dimensions (JPEG's frame header comes after
  // its metadata, so read the whole file, at most 2 MB, when they are not there).
  let bytes = await store.readStart(key, 64 * 1024);
  const type = startsAs(bytes);
  if (!type) throw refuse("That file isn't a JPEG, PNG or WebP image. Choose a photo and upload it again.");
  // Served with the type it was uploaded as: it must be what the bytes are.
  if (head.contentType !== type) {
    throw refuse(
      `That file is a ${type.slice(6).toUpperCase()} image sent as ${head.contentType}. Upload it again.`,
    );
  }
  let size: { width: number; height: number; orientation?: number } | undefined;
  const measure = () => {
    try {
      return imageSize(bytes);
    } catch {
      return undefined;
    }
  };
  size = measure();
  if (!size && head.sizeBytes > bytes.length) {
    bytes = await store.readStart(key, head.sizeBytes);
    size = measure();
  }
  if (!size?.width || !size.height) throw refuse("That image looks damaged: we couldn't read its size.");
  // EXIF orientations 5–8 are shown rotated a quarter turn.
  const [width, height] =
    (size.orientation ?? 1) >= 5 ? [size.height, size.width] : [size.width, size.height];
  if (Math.min(width, height) < PHOTO_RULES.minSide) {
    throw refuse(
      `That photo is ${width}×${height} pixels: use one at least ${PHOTO_RULES.minSide} pixels a side.`,
    );
  }
  if (Math.max(width, height) > PHOTO_RULES.maxSide) {
    throw refuse(
      `That photo is ${width}×${height} pixels: use one at most ${PHOTO_RULES.maxSide} pixels a side.`,
    );
  }
  return { width, height, contentType: type };
};
