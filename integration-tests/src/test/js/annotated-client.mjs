// Usage: node annotated-client.mjs <base-url> <polling|websocket> [json|msgpack] [path]
// The official socket.io-client against the annotated endpoint classes of dev.sio4j.it.annotated.app:
// record, List<record>, POJO and binary arguments; acks by return value, CompletionStage and explicit Ack; a
// conversion error answered to the ack; a connect guard refusing with data; a dynamic (regex) namespace;
// @OnDisconnect reasons reported back through another client.
// Prints "OK <transport>" and exits 0; exits 1 on any failure.
import { io } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";

const [url, mode, parser = "json", path = "/socket.io/"] = process.argv.slice(2);
const options = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"] },
}[mode];
if (!url || !options) {
  console.error("usage: node annotated-client.mjs <base-url> <polling|websocket>");
  process.exit(2);
}
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 30000).unref();
const once = (emitter, event) => new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
// JSON equality, whatever the order of object keys.
const canonical = (v) =>
  Array.isArray(v) ? v.map(canonical)
    : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : v;
const same = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const parserOptions = parser === "msgpack" ? { parser: msgpackParser } : {};
const connect = (nsp, extra = {}) => io(url + nsp, { ...options, ...parserOptions, path, forceNew: true, ...extra });
const connected = async (socket) => {
  if (!socket.connected) {
    const [err] = await Promise.race([once(socket, "connect").then(() => [null]), once(socket, "connect_error")]);
    if (err) fail(`connect_error on ${socket.nsp}: ${err.message}`);
  }
  return socket;
};
// All ack arguments (emitWithAck resolves with the first one only).
const ack = (socket, event, ...args) =>
  new Promise((resolve, reject) =>
    socket.timeout(10000).emit(event, ...args, (err, ...res) => (err ? reject(new Error(`${event}: ${err.message}`)) : resolve(res))),
  );
const check = (what, actual, expected) => {
  if (!same(actual, expected)) fail(`${what} was ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
};

// Binding and acknowledgements.
const shapes = await connected(connect("/shapes"));
check("area (two records)", await ack(shapes, "area", { x: 1, y: 2 }, { x: 4, y: 6 }), [12]);
check("perimeter (List<record>)", await ack(shapes, "perimeter", [{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 3, y: 4 }]), [12]);
check("shout (POJO)", await ack(shapes, "shout", { text: "hi", repeat: 3 }), [{ repeat: 3, text: "HI!!!" }]);
const [reversed] = await ack(shapes, "reverse", Buffer.from([1, 2, 3, 250]));
if (!Buffer.isBuffer(reversed) || !reversed.equals(Buffer.from([250, 3, 2, 1]))) {
  fail(`reverse (byte[]) was ${JSON.stringify(reversed)}`);
}
check("later (CompletionStage)", await ack(shapes, "later", "abc"), ["later abc"]);
const explicit = await ack(shapes, "explicit", "text", 41);
if (explicit.length !== 3 || explicit[0] !== "text" || explicit[1] !== 42 || !Buffer.from(explicit[2]).equals(Buffer.from([41]))) {
  fail(`explicit (Ack parameter) was ${JSON.stringify(explicit)}`);
}
const [conversion] = await ack(shapes, "area", "not a point", { x: 1, y: 1 });
if (typeof conversion?.error !== "string" || !conversion.error.includes("area") || !conversion.error.includes("Point")) {
  fail(`conversion error was ${JSON.stringify(conversion)}`);
}
// The socket survived the conversion error.
check("area after the error", await ack(shapes, "area", { x: 0, y: 0 }, { x: 2, y: 2 }), [4]);

// A connect guard refusing with data.
const refused = connect("/guarded", { auth: { token: "wrong", user: "eve" } });
const [refusal] = await once(refused, "connect_error");
if (refusal.message !== "forbidden" || !same(refusal.data, { reason: "bad token", retry: false })) {
  fail(`refusal was ${refusal.message} ${JSON.stringify(refusal.data)}`);
}
refused.disconnect();
const admitted = connect("/guarded", { auth: { token: "secret", user: "ann" } });
admitted.on("connect_error", (err) => fail(`connect_error on /guarded: ${err.message}`));
check("welcome", await once(admitted, "welcome"), ["welcome ann"]);

// A dynamic namespace.
const room = connect("/room-42");
room.on("connect_error", (err) => fail(`connect_error on /room-42: ${err.message}`));
check("joined", await once(room, "joined"), ["/room-42"]);
check("where", await ack(room, "where"), ["/room-42"]);
const noRoom = connect("/room-abc");
const [invalid] = await once(noRoom, "connect_error");
if (invalid.message !== "Invalid namespace") fail(`/room-abc error was ${invalid.message}`);
noRoom.disconnect();

// @OnDisconnect reasons, reported to an observer in the same namespace.
const observer = await connected(connect("/observed"));
const leaving = await connected(connect("/observed"));
const leavingId = leaving.id;
let left = once(observer, "left");
leaving.disconnect();
check("left (client disconnect)", await left, [leavingId, "client namespace disconnect"]);
const closing = await connected(connect("/observed"));
const closingId = closing.id;
left = once(observer, "left");
closing.io.engine.close();
check("left (transport closed)", await left, [closingId, "transport close"]);

console.log(`OK ${shapes.io.engine.transport.name}`);
for (const s of [shapes, admitted, room, observer]) s.disconnect();
process.exit(0);
