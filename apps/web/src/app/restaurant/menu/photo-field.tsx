"use client";

import type { Photo } from "@tiffin/restaurants";
import { Button, Field, Input } from "@tiffin/ui";
import Image from "next/image";
import { useId, useRef } from "react";
import { photoUrl } from "@/components/dish-image";

export type UploadState =
  | { kind: "none" }
  | { kind: "uploading"; preview: string; fraction: number }
  | { kind: "uploaded"; preview: string; uploadId: string }
  | { kind: "failed"; message: string };

/**
 * The dish's photo: what is saved now, or a preview of the file being sent (with its progress), the
 * description read to people who cannot see it, and a way to take it off.
 */
export function PhotoField({
  current,
  upload,
  alt,
  removing,
  error,
  onChoose,
  onAlt,
  onRemove,
}: {
  current: Photo | undefined;
  upload: UploadState;
  alt: string;
  removing: boolean;
  error?: string;
  onChoose: (file: File) => void;
  onAlt: (alt: string) => void;
  onRemove: (remove: boolean) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const progressId = useId();
  const preview = upload.kind === "uploading" || upload.kind === "uploaded" ? upload.preview : undefined;
  const shown = preview ?? (current && !removing ? photoUrl(current.key) : undefined);
  const message = upload.kind === "failed" ? upload.message : error;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-stone-900">Photo</legend>
      <div className="flex flex-wrap items-start gap-4">
        {shown ? (
          <Image
            unoptimized
            src={shown}
            alt={preview ? "Preview of the chosen photo" : (current?.alt ?? "")}
            width={current && !preview ? current.width : 240}
            height={current && !preview ? current.height : 240}
            className="size-28 rounded-xl object-cover ring-1 ring-stone-200"
          />
        ) : (
          <div className="grid size-28 place-items-center rounded-xl bg-stone-100 text-center text-xs text-stone-600 ring-1 ring-stone-200">
            No photo
          </div>
        )}
        <div className="min-w-0 flex-1 space-y-2">
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-label="Choose a photo (JPEG, PNG or WebP, at most 2 MB)"
            className="block w-full text-sm file:mr-3 file:min-h-10 file:rounded-full file:border-0 file:bg-stone-900 file:px-4 file:font-semibold file:text-white"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) onChoose(file);
            }}
          />
          <p className="text-xs text-stone-600">JPEG, PNG or WebP, at most 2 MB.</p>
          {upload.kind === "uploading" && (
            <div>
              <p id={progressId} className="text-sm text-stone-700">
                Uploading… {Math.round(upload.fraction * 100)}%
              </p>
              <progress
                aria-labelledby={progressId}
                max={100}
                value={Math.round(upload.fraction * 100)}
                className="h-2 w-full accent-orange-700"
              />
            </div>
          )}
          {upload.kind === "uploaded" && (
            <p role="status" className="text-sm font-medium text-emerald-800">
              Photo uploaded: it is attached when you save.
            </p>
          )}
          {message && (
            <p role="alert" className="text-sm font-medium text-red-700">
              {message}
            </p>
          )}
          {current && upload.kind !== "uploaded" && (
            <Button type="button" variant="ghost" size="sm" onClick={() => onRemove(!removing)}>
              {removing ? "Keep the photo" : "Remove the photo"}
            </Button>
          )}
        </div>
      </div>
      {(current || upload.kind === "uploaded") && !removing && (
        <Field label="Photo description" optional hint="Read out to people who can't see the photo.">
          {(c) => <Input {...c} value={alt} onChange={(e) => onAlt(e.target.value)} />}
        </Field>
      )}
    </fieldset>
  );
}
