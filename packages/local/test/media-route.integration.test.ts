import type { AddressInfo } from "node:net";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { createS3Client } from "@tiffin/aws";
import { emulatorClients, freshBucket } from "@tiffin/aws/testing";
import { pngOf } from "@tiffin/restaurants/testing/images";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalRouter, MEDIA_UPLOAD_MAX_BYTES, mediaKeyOf } from "../src/router";

/*
 * The local router's stand-ins for the Router's bucket route (GET /media/<key>) and for posting a presigned
 * form straight to S3 (/media-upload, same origin because fauxqs sends no CORS headers), against fauxqs S3.
 */
describe("media through the local router (fauxqs S3)", () => {
  let base = "";
  let bucket = "";
  let close: () => Promise<void> = async () => undefined;
  const photo = pngOf(200, 100);

  beforeAll(async () => {
    bucket = await freshBucket();
    const { awsEndpoint } = emulatorClients();
    await createS3Client({ endpoint: awsEndpoint }).send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: "menu/bombay/photo-1",
        Body: photo,
        ContentType: "image/png",
      }),
    );
    // Nothing listens on the service or Next.js ports here: only the media routes are exercised.
    const router = createLocalRouter({
      servicePorts: {},
      nextPort: 1,
      media: { endpoint: awsEndpoint, bucket },
    });
    await new Promise<void>((resolve) => router.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(router.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => router.close(() => resolve()));
  });
  afterAll(() => close());

  it("serves a photo with its type, a year's immutable cache and no sniffing", async () => {
    const res = await fetch(`${base}/media/menu/bombay/photo-1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);
  });

  it("answers 404 for a photo that is not there, and for keys that try to climb out", async () => {
    expect((await fetch(`${base}/media/menu/bombay/nothing-here`)).status).toBe(404);
    expect((await fetch(`${base}/media/menu/..%2F..%2Fsecret`)).status).toBe(404);
    expect(mediaKeyOf("/media/menu/../../etc/passwd")).toBeUndefined();
    expect(mediaKeyOf("/media/menu/bombay/abc?x=1")).toBe("menu/bombay/abc");
  });

  it("is read-only: no writes through /media", async () => {
    expect((await fetch(`${base}/media/menu/bombay/photo-1`, { method: "DELETE" })).status).toBe(405);
  });

  it("forwards a form post to the bucket, and refuses one larger than a 2 MB photo before sending it", async () => {
    const form = new FormData();
    form.append("key", "menu/bombay/uploaded");
    form.append("Content-Type", "image/png");
    form.append("file", new Blob([new Uint8Array(photo)]), "dish.png");
    const posted = await fetch(`${base}/media-upload`, { method: "POST", body: form });
    expect(posted.status).toBeLessThan(300);
    const back = await fetch(`${base}/media/menu/bombay/uploaded`);
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(photo)).toBe(true);

    const big = new FormData();
    big.append("key", "menu/bombay/too-big");
    big.append("file", new Blob([new Uint8Array(MEDIA_UPLOAD_MAX_BYTES + 1)]), "big.png");
    const refused = await fetch(`${base}/media-upload`, { method: "POST", body: big });
    expect(refused.status).toBe(413);
    expect(await refused.text()).toMatch(/larger than 2 MB/);
    expect((await fetch(`${base}/media/menu/bombay/too-big`)).status).toBe(404);
  });
});
