import {
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import type { PhotoStore } from "../domain/ports";

/** Photo keys hold a fresh UUID each, so what is stored under one never changes: cache it for a year. */
export const PHOTO_CACHE_CONTROL = "public, max-age=31536000, immutable";

/**
 * S3 clients for the media bucket. Locally (AWS_ENDPOINT_URL_S3 points at fauxqs) requests use path-style
 * URLs (`http://127.0.0.1:<port>/<bucket>/<key>`): bucket subdomains of 127.0.0.1 do not resolve.
 */
export const createS3Client = (opts: { endpoint?: string } = {}): S3Client => {
  const endpoint = opts.endpoint ?? process.env.AWS_ENDPOINT_URL_S3;
  return new S3Client(
    endpoint
      ? {
          endpoint,
          forcePathStyle: true,
          region: process.env.AWS_REGION ?? "us-east-1",
          ...(opts.endpoint ? { credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
        }
      : {},
  );
};

/**
 * The media bucket through S3: presigned form uploads (the bucket itself enforces type and size), HeadObject
 * and ranged GetObject to check what arrived. `uploadUrl` replaces the bucket's URL in what the browser is
 * given (locally: the router's same-origin /media-upload, which forwards to fauxqs; fauxqs has no CORS).
 */
export const s3Photos = (s3: S3Client, bucket: string, opts: { uploadUrl?: string } = {}): PhotoStore => ({
  async presignUpload(key, { contentType, maxBytes, expiresSeconds }) {
    const post = await createPresignedPost(s3, {
      Bucket: bucket,
      Key: key,
      Conditions: [
        ["content-length-range", 1, maxBytes],
        ["eq", "$Content-Type", contentType],
        ["eq", "$Cache-Control", PHOTO_CACHE_CONTROL],
      ],
      Fields: { "Content-Type": contentType, "Cache-Control": PHOTO_CACHE_CONTROL },
      Expires: expiresSeconds,
    });
    return { url: opts.uploadUrl ?? post.url, fields: post.fields };
  },

  async head(key) {
    try {
      const out = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { sizeBytes: out.ContentLength ?? 0, contentType: out.ContentType ?? "" };
    } catch (err) {
      const missing =
        err instanceof NotFound ||
        (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404);
      if (missing) return undefined;
      throw err;
    }
  },

  async readStart(key, bytes) {
    const out = await s3.send(
      new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${bytes - 1}` }),
    );
    const body = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
    // A server that ignores Range sends everything: keep only what was asked for.
    return body.subarray(0, bytes);
  },
});

/** Builds the store on first use: only the API is linked to the bucket, and other handlers never touch it. */
export const lazyPhotoStore = (build: () => PhotoStore): PhotoStore => {
  let store: PhotoStore | undefined;
  const get = () => {
    store ??= build();
    return store;
  };
  return {
    presignUpload: (key, opts) => get().presignUpload(key, opts),
    head: (key) => get().head(key),
    readStart: (key, bytes) => get().readStart(key, bytes),
  };
};
