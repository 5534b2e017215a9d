// Usage: node transport-sio-echo.mjs <origin> <path> <polling|websocket|upgrade>
// The official socket.io-client against <origin> with the given engine path: text and binary come back as
// message-back, an acknowledgement carries its arguments, and the session ends on the expected transport (websocket
// after the upgrade). Prints "OK <transport> pingInterval=<ms from the handshake>" and exits 0; exits 1 on failure.
import { io } from "socket.io-client";

const [origin, path, mode] = process.argv.slice(2);
const options = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"] },
  upgrade: { transports: ["polling", "websocket"] },
}[mode];
if (!origin || !path || !options) {
  console.error("usage: node transport-sio-echo.mjs <origin> <path> <polling|websocket|upgrade>");
  process.exit(2);
}
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 30000).unref();
const once = (emitter, event) => new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const socket = io(origin, { ...options, path, forceNew: true, reconnection: false });
socket.on("connect_error", (err) => fail(`connect_error: ${err.message}`));
await once(socket, "connect");
if (mode === "upgrade" && socket.io.engine.transport.name !== "websocket") {
  await once(socket.io.engine, "upgrade");
}

socket.emit("message", 1, "zwei €", { 3: [true, null] });
const back = await once(socket, "message-back");
if (!same(back, [1, "zwei €", { 3: [true, null] }])) fail(`message-back was ${JSON.stringify(back)}`);

socket.emit("message", Buffer.from([1, 2, 3, 255]), { nested: Uint8Array.from([4, 5]) });
const [bin, obj] = await once(socket, "message-back");
if (!Buffer.isBuffer(bin) || !bin.equals(Buffer.from([1, 2, 3, 255]))) fail(`binary came back as ${JSON.stringify(bin)}`);
if (!Buffer.from(obj.nested).equals(Buffer.from([4, 5]))) fail(`nested binary came back as ${JSON.stringify(obj)}`);

const acked = await new Promise((resolve, reject) =>
  socket.timeout(10000).emit("message-with-ack", "a", Buffer.from([6]), (err, ...args) => (err ? reject(err) : resolve(args))),
);
if (acked[0] !== "a" || !Buffer.from(acked[1]).equals(Buffer.from([6]))) fail(`ack was ${JSON.stringify(acked)}`);

const transport = socket.io.engine.transport.name;
const expected = mode === "polling" ? "polling" : "websocket";
if (transport !== expected) fail(`transport is ${transport}, expected ${expected}`);
console.log(`OK ${transport} pingInterval=${socket.io.engine._pingInterval ?? socket.io.engine.pingInterval}`);
socket.disconnect();
process.exit(0);
