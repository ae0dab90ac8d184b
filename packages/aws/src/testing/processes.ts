/** What the process table says, for tests of supervision and confinement (Linux /proc); and a free port. */
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";

/** A port nobody listens on right now on 127.0.0.1 (asked from the OS, then released). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

/** PIDs whose command line contains every one of `parts` (e.g. "DynamoDBLocal.jar", "-port", "4567"). */
export const pidsRunning = (...parts: string[]): number[] =>
  readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const args = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0");
        return parts.every((p) => args.includes(p) || args.some((a) => a.endsWith(p)));
      } catch {
        return false;
      }
    })
    .map(Number)
    .filter((pid) => pid !== process.pid);

export const isAlive = (pid: number): boolean => {
  try {
    // A zombie still answers signal 0; it holds nothing, so it counts as gone.
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};

/** Local addresses of the TCP sockets listening on `port` in this network namespace, e.g. "127.0.0.1". */
export const listeningAddresses = (port: number): string[] => {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const rows = (file: string) => {
    try {
      return readFileSync(file, "utf8").split("\n").slice(1);
    } catch {
      return [];
    }
  };
  const v4 = (hex: string) =>
    [3, 2, 1, 0].map((i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join(".");
  const v6 = (hex: string) =>
    /^0+$/.test(hex) ? "::" : hex === "00000000000000000000000001000000" ? "::1" : hex;
  const listening = (file: string, decode: (hex: string) => string) =>
    rows(file)
      .map((r) => r.trim().split(/\s+/))
      .filter((f) => f[3] === "0A" && f[1]?.endsWith(`:${hexPort}`)) // 0A: LISTEN
      .map((f) => decode((f[1] ?? "").split(":")[0] ?? ""));
  return [...listening("/proc/net/tcp", v4), ...listening("/proc/net/tcp6", v6)];
};
