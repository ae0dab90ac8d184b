// Hosts DynamoDB Local's JVM for the local stack. Started inside `unshare -rn` (a network namespace of its
// own, where only this process can reach the JVM, whatever interfaces the JVM binds), it brings up the
// namespace's loopback and relays a unix socket (reachable from outside: same filesystem) to the JVM's
// port; the stack listens on 127.0.0.1 outside and forwards to that socket. Without a namespace it only
// hosts the JVM. Either way it stops the JVM when its stdin closes (its parent died or asked it to stop).
// Usage: node loopback-host.cjs '<json {"socket"?, "port", "command", "args"}>'
const { spawn, spawnSync } = require("node:child_process");
const { rmSync } = require("node:fs");
const net = require("node:net");

const config = JSON.parse(process.argv[2] ?? "{}");
if (config.socket) {
  const lo = spawnSync("ip", ["link", "set", "lo", "up"], { encoding: "utf8" });
  if (lo.status !== 0) {
    console.error(`loopback-host: cannot bring up loopback in the namespace: ${lo.stderr || lo.error}`);
    process.exit(3);
  }
}

const child = spawn(config.command, config.args, { stdio: ["ignore", "inherit", "inherit"] });
if (!config.socket) console.log(`loopback-host: child pid ${child.pid}`); // recorded in the stack's lock

let relay;
if (config.socket) {
  rmSync(config.socket, { force: true });
  relay = net.createServer((outside) => {
    const inside = net.connect(config.port, "127.0.0.1");
    outside.on("error", () => inside.destroy());
    inside.on("error", () => outside.destroy());
    outside.pipe(inside).pipe(outside);
  });
  relay.listen(config.socket);
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  setTimeout(() => child.kill("SIGKILL"), 5000).unref();
};
child.on("exit", (code, signal) => {
  relay?.close();
  if (config.socket) rmSync(config.socket, { force: true });
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
child.on("error", (error) => {
  console.error(`loopback-host: could not start ${config.command}: ${error.message}`);
  process.exit(4);
});
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
