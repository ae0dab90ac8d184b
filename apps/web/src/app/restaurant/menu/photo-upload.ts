/**
 * Sending a photo straight to the media bucket with the presigned form `restaurants.createPhotoUpload`
 * gave (XMLHttpRequest, for upload progress; fetch has none). The bucket and then `attachPhoto` check the
 * file again: these checks only spare a person a wait for an answer they can have at once.
 */

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export const photoFileProblem = (file: Pick<File, "type" | "size">): string | undefined => {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return "Choose a JPEG, PNG or WebP photo.";
  if (file.size > PHOTO_MAX_BYTES)
    return `That photo is ${megabytes(file.size)}: choose one of at most 2 MB.`;
  if (file.size === 0) return "That file is empty.";
  return undefined;
};

export const uploadToBucket = (
  target: { url: string; fields: Record<string, string> },
  file: File,
  onProgress: (fraction: number) => void,
): Promise<void> =>
  new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
    // S3 reads the fields before the file: the file goes last.
    form.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", target.url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(
            new Error(
              xhr.status === 413 || xhr.status === 400
                ? "The photo was refused: it must be a JPEG, PNG or WebP of at most 2 MB."
                : "The photo could not be uploaded. Please try again.",
            ),
          );
    xhr.onerror = () =>
      reject(new Error("The photo could not be uploaded: check your connection and try again."));
    xhr.send(form);
  });

/** A data: URL of the chosen file, to preview it before it is saved (the page's CSP allows data: images). */
export const previewOf = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error("That file could not be read."));
    reader.readAsDataURL(file);
  });
