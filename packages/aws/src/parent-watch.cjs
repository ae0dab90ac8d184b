// Preloaded (--require) into Node children of the local stack: when the process that started this one
// dies, even by kill -9, the pipe it holds as our stdin closes, and we stop too, through our own SIGTERM
// handler when there is one, so nothing is left holding a port or the data directory.
const stop = () => {
  if (process.listenerCount("SIGTERM") > 0) process.emit("SIGTERM", "SIGTERM");
  else process.exit(0);
  // A shutdown that hangs must not outlive the parent for long.
  setTimeout(() => process.exit(1), 10_000).unref();
};
const { fstatSync } = require("node:fs");
const stdinIsPipe = () => {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket(); // a terminal or /dev/null is not a parent's pipe
  } catch {
    return false;
  }
};
if (stdinIsPipe()) {
  process.stdin.on("end", stop);
  process.stdin.on("error", stop);
  process.stdin.resume();
  // Watching must not keep a process alive that has finished its work.
  process.stdin.unref?.();
}
