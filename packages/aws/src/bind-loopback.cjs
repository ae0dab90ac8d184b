// Preloaded into fauxqs, which hard-codes listen("0.0.0.0"): local servers bind loopback only.
const net = require("node:net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const [first] = args;
  if (first && typeof first === "object" && (first.host === "0.0.0.0" || first.host === undefined)) {
    args[0] = { ...first, host: "127.0.0.1" };
  } else if (typeof first === "number" && (args[1] === "0.0.0.0" || typeof args[1] !== "string")) {
    args.splice(1, typeof args[1] === "string" ? 1 : 0, "127.0.0.1");
  }
  return listen.apply(this, args);
};
