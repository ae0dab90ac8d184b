/**
 * Faults on the wire, for integration tests: a dependency that goes away and comes back, and an SQS whose
 * DeleteMessageBatch reports entries as Failed (fauxqs never does). Both sit between the real SDK and the
 * real emulator, on 127.0.0.1.
 */
import { createServer, request } from "node:http";
import net from "node:net";

const listen = (server: net.Server, port = 0) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });

/** A TCP relay to `target` that can be switched off (connections refused) and on again, same port. */
export const switchableRelay = async (target: { host: string; port: number }) => {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = async () => {
    server = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    port = await listen(server, port);
  };
  await open();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    /** Refuses every connection (ECONNREFUSED) and cuts the ones open, as a dead dependency does. */
    async down() {
      const s = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((r) => (s ? s.close(() => r()) : r()));
    },
    up: open,
    close() {
      return this.down();
    },
  };
};

/**
 * An HTTP proxy to an SQS endpoint. While `failDeletes` > 0, each DeleteMessageBatch loses its first
 * entry on the way (it is not forwarded, so the message really stays) and the answer lists it as
 * Failed, as SQS does for an entry it could not delete.
 */
export const sqsFaultProxy = async (target: string) => {
  const upstream = new URL(target);
  const state = { failDeletes: 0, failedDeletes: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body = Buffer.concat(chunks);
      let dropped: string | undefined;
      if (req.headers["x-amz-target"] === "AmazonSQS.DeleteMessageBatch" && state.failDeletes > 0) {
        const parsed = JSON.parse(body.toString("utf8")) as { Entries: { Id: string }[] };
        const [first, ...rest] = parsed.Entries;
        if (first) {
          state.failDeletes--;
          state.failedDeletes++;
          dropped = first.Id;
          body = Buffer.from(JSON.stringify({ ...parsed, Entries: rest }));
        }
      }
      const failed = (id: string) => ({
        Id: id,
        SenderFault: false,
        Code: "InternalError",
        Message: "injected by the test",
      });
      if (dropped !== undefined && body.toString("utf8").includes('"Entries":[]')) {
        // Its only entry was dropped: SQS refuses an empty batch, so answer without asking it.
        const answer = Buffer.from(JSON.stringify({ Successful: [], Failed: [failed(dropped)] }));
        res.writeHead(200, {
          "content-type": "application/x-amz-json-1.0",
          "content-length": String(answer.length),
        });
        res.end(answer);
        return;
      }
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, "content-length": String(body.length) },
        },
        (up) => {
          const parts: Buffer[] = [];
          up.on("data", (c: Buffer) => parts.push(c));
          up.on("end", () => {
            let answer = Buffer.concat(parts);
            if (dropped !== undefined) {
              const out = JSON.parse(answer.toString("utf8")) as {
                Successful?: unknown[];
                Failed?: unknown[];
              };
              out.Failed = [...(out.Failed ?? []), failed(dropped)];
              answer = Buffer.from(JSON.stringify(out));
            }
            res.writeHead(up.statusCode ?? 500, { ...up.headers, "content-length": String(answer.length) });
            res.end(answer);
          });
        },
      );
      forward.on("error", () => res.destroy());
      forward.end(body);
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};
