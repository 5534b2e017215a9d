// Usage: node sio-client.mjs <base-url> <polling|websocket|upgrade>
// <base-url> may have a path (a context path such as http://127.0.0.1:8080/conformance): it becomes the prefix of the
// client's `path` option, and namespaces are relative to the origin.
// The official socket.io-client against <base-url>/socket.io/: auth on "/", message-back with text and binary,
// an acknowledgement, auth payload on "/custom", "Invalid namespace" for an unknown namespace.
// Prints "OK <transport>" and exits 0; exits 1 on any failure.
import { io } from "socket.io-client";

const [url, mode] = process.argv.slice(2);
const options = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"] },
  upgrade: { transports: ["polling", "websocket"] },
}[mode];
if (!url || !options) {
  console.error("usage: node sio-client.mjs <base-url> <polling|websocket|upgrade>");
  process.exit(2);
}
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 20000).unref();
const once = (emitter, event) => new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
// io("http://host/ctx") would take /ctx for a namespace: the context path goes into `path` instead.
const base = new URL(url);
options.path = base.pathname.replace(/\/$/, "") + "/socket.io/";
const origin = base.origin;

const socket = io(origin, { ...options, forceNew: true });
socket.on("connect_error", (err) => fail(`connect_error on /: ${err.message}`));
const [auth] = await once(socket, "auth");
if (!same(auth, {})) fail(`auth on / was ${JSON.stringify(auth)}`);
if (mode === "upgrade" && socket.io.engine.transport.name !== "websocket") {
  await once(socket.io.engine, "upgrade");
}

socket.emit("message", 1, "2", { 3: [true] });
const back = await once(socket, "message-back");
if (!same(back, [1, "2", { 3: [true] }])) fail(`message-back was ${JSON.stringify(back)}`);

socket.emit("message", Buffer.from([1, 2, 3]), { nested: Uint8Array.from([4, 5]) });
const [bin, obj] = await once(socket, "message-back");
if (!Buffer.isBuffer(bin) || !bin.equals(Buffer.from([1, 2, 3]))) fail(`binary came back as ${JSON.stringify(bin)}`);
if (!Buffer.from(obj.nested).equals(Buffer.from([4, 5]))) fail(`nested binary came back as ${JSON.stringify(obj)}`);

// emitWithAck resolves with the first ack argument only, so take all of them through a callback.
const acked = await new Promise((resolve, reject) =>
  socket.timeout(5000).emit("message-with-ack", 1, "2", Buffer.from([6]), (err, ...args) => (err ? reject(err) : resolve(args))),
);
if (acked[0] !== 1 || acked[1] !== "2" || !Buffer.from(acked[2]).equals(Buffer.from([6]))) {
  fail(`ack was ${JSON.stringify(acked)}`);
}

const custom = io(origin + "/custom", { ...options, forceNew: true, auth: { token: "abc" } });
custom.on("connect_error", (err) => fail(`connect_error on /custom: ${err.message}`));
const [customAuth] = await once(custom, "auth");
if (!same(customAuth, { token: "abc" })) fail(`auth on /custom was ${JSON.stringify(customAuth)}`);

const invalid = io(origin + "/random", { ...options, forceNew: true });
const [err] = await once(invalid, "connect_error");
if (err.message !== "Invalid namespace") fail(`unknown namespace error was ${err.message}`);

console.log(`OK ${socket.io.engine.transport.name}`);
socket.disconnect();
custom.disconnect();
invalid.disconnect();
process.exit(0);
