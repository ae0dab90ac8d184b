import type { PhotoStore } from "../src/domain/ports";

/**
 * The media bucket in memory, with S3's answers: presigned uploads are recorded (not performed), `put`
 * stands for what a browser's upload left in the bucket, `head` reads size and type, `readStart` a prefix.
 */
export class InMemoryPhotoStore implements PhotoStore {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();
  readonly presigned: { key: string; contentType: string; maxBytes: number }[] = [];
  /** How many bytes were read in all, so a test can see the whole file was not read when it need not be. */
  bytesRead = 0;

  put(key: string, body: Uint8Array, contentType: string): void {
    this.objects.set(key, { body, contentType });
  }

  async presignUpload(key: string, opts: { contentType: string; maxBytes: number; expiresSeconds: number }) {
    this.presigned.push({ key, contentType: opts.contentType, maxBytes: opts.maxBytes });
    return { url: "https://media.example/upload", fields: { key, "Content-Type": opts.contentType } };
  }

  async head(key: string) {
    const found = this.objects.get(key);
    return found && { sizeBytes: found.body.length, contentType: found.contentType };
  }

  async readStart(key: string, bytes: number) {
    const found = this.objects.get(key);
    if (!found) throw new Error(`NoSuchKey: ${key}`);
    const out = found.body.subarray(0, bytes);
    this.bytesRead += out.length;
    return out;
  }
}
