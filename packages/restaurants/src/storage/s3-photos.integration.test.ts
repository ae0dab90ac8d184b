import { emulatorClients, freshBucket } from "@tiffin/aws/testing";
import { DomainError } from "@tiffin/kit/domain-error";
import { beforeAll, describe, expect, it } from "vitest";
import { notAnImage, pngOf } from "../../test/images";
import { inspectUploadedPhoto, PHOTO_RULES, photoKey } from "../domain/photo";
import type { PhotoStore } from "../domain/ports";
import { createS3Client, PHOTO_CACHE_CONTROL, s3Photos } from "./s3-photos";

/** What a browser does with a presigned POST: a multipart form, the signed fields first, the file last. */
const postForm = async (
  target: { url: string; fields: Record<string, string> },
  file: Buffer,
  name: string,
) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(target.fields)) form.append(k, v);
  form.append("file", new Blob([new Uint8Array(file)]), name);
  return fetch(target.url, { method: "POST", body: form });
};

const refusalOf = async (call: Promise<unknown>) => {
  const error = await call.then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw error;
  return error;
};

describe("menu photos in the bucket (fauxqs S3)", () => {
  let store: PhotoStore;
  let bucket: string;
  beforeAll(async () => {
    bucket = await freshBucket();
    store = s3Photos(createS3Client({ endpoint: emulatorClients().awsEndpoint }), bucket);
  });

  const upload = async (id: string, body: Buffer, contentType: string, name: string) => {
    const key = photoKey("bombay-tiffin-house", id);
    const target = await store.presignUpload(key, {
      contentType,
      maxBytes: PHOTO_RULES.maxBytes,
      expiresSeconds: 600,
    });
    // The policy the bucket enforces on AWS: this key, this type, at most 2 MB.
    const policy = JSON.parse(Buffer.from(target.fields.Policy ?? "", "base64").toString("utf8")) as {
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ["content-length-range", 1, PHOTO_RULES.maxBytes],
        ["eq", "$Content-Type", contentType],
        { key },
      ]),
    );
    const res = await postForm(target, body, name);
    expect(res.status).toBeLessThan(300);
    return key;
  };

  it("accepts a real PNG uploaded with a presigned POST, with its dimensions", async () => {
    const key = await upload("photo-real-png", pngOf(800, 600), "image/png", "dosa.png");

    expect(await store.head(key)).toEqual({ sizeBytes: pngOf(800, 600).length, contentType: "image/png" });
    expect(await inspectUploadedPhoto(store, key)).toEqual({
      width: 800,
      height: 600,
      contentType: "image/png",
    });
  });

  it("reads only the first bytes asked for (a ranged GetObject)", async () => {
    const key = await upload("photo-ranged", pngOf(300, 200), "image/png", "ranged.png");
    const start = await store.readStart(key, 8);
    expect([...start]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it("refuses a text file named .png", async () => {
    const key = await upload("photo-text", notAnImage(), "image/png", "list.png");
    const error = await refusalOf(inspectUploadedPhoto(store, key));
    expect(error.message).toMatch(/isn't a JPEG, PNG or WebP image/);
  });

  it("refuses a 3 MB file (fauxqs does not enforce the policy's size; the check after upload does)", async () => {
    const key = await upload(
      "photo-3mb",
      pngOf(200, 200, { padTo: 3 * 1024 * 1024 }),
      "image/png",
      "big.png",
    );
    const error = await refusalOf(inspectUploadedPhoto(store, key));
    expect(error.message).toMatch(/3\.0 MB: upload one of at most 2 MB/);
  });

  it("says nothing was received for a key nobody uploaded to", async () => {
    expect(await store.head(photoKey("bombay-tiffin-house", "never-uploaded"))).toBeUndefined();
  });

  it("signs the year-long, immutable cache into the upload, so the bucket serves photos with it", async () => {
    const target = await store.presignUpload(photoKey("bombay-tiffin-house", "cache"), {
      contentType: "image/webp",
      maxBytes: PHOTO_RULES.maxBytes,
      expiresSeconds: 600,
    });
    expect(target.fields["Cache-Control"]).toBe(PHOTO_CACHE_CONTROL);
    expect(target.fields["Content-Type"]).toBe("image/webp");
  });
});
