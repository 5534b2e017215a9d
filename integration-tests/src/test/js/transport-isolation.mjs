// Usage: node transport-isolation.mjs <origin> <eio|sio> <clients per transport> <messages per client>
// Session isolation: <clients> official clients per transport (polling, websocket, and polling upgrading to websocket),
// all connected at once to the echo server of dev.sio4j.it.transport.TransportApp (/engine.io/ or /socket.io/), send
// distinct messages at the same time (text and binary alternating, every message tagged with its client and sequence
// number; on Socket.IO every fourth one with an acknowledgement). Each client must receive exactly its own messages, in
// order, and nothing of the others'. Prints "OK <n> clients" and exits 0; exits 1 on the first mismatch.
import { Socket } from "engine.io-client";
import { io } from "socket.io-client";

const [origin, kind, clientsArg, messagesArg] = process.argv.slice(2);
const perTransport = Number(clientsArg);
const count = Number(messagesArg);
if (!origin || !["eio", "sio"].includes(kind) || !(perTransport > 0) || !(count > 0)) {
  console.error("usage: node transport-isolation.mjs <origin> <eio|sio> <clients per transport> <messages per client>");
  process.exit(2);
}
const modes = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"] },
  upgrade: { transports: ["polling", "websocket"] },
};
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 45000).unref();
const tick = () => new Promise((resolve) => setImmediate(resolve));

// Message j of client c: even j text, odd j binary; both unmistakably c's.
const text = (c, j) => `client ${c} message ${j} ` + "€".repeat(j % 7) + "x".repeat(c);
const binary = (c, j) => Buffer.from([c, j & 0xff, j >> 8, 0xff, 0x00, ...Array(c).fill(c)]);
const describe = (v) => (typeof v === "string" ? JSON.stringify(v) : "0x" + Buffer.from(v).toString("hex"));
const equal = (got, want) =>
  typeof want === "string" ? got === want : typeof got !== "string" && Buffer.from(got).equals(want);

function engineClient(c, mode) {
  const socket = new Socket(origin, { ...modes[mode], path: "/engine.io/" });
  let next = 0;
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  socket.on("message", (data) => {
    const want = next % 2 === 0 ? text(c, next) : binary(c, next);
    if (next >= count) fail(`client ${c} (${mode}) got an extra message ${describe(data)}`);
    if (!equal(data, want)) fail(`client ${c} (${mode}) message ${next}: got ${describe(data)}, expected ${describe(want)}`);
    if (++next === count) done();
  });
  socket.on("error", (err) => fail(`client ${c} (${mode}) error: ${err}`));
  socket.on("close", (reason) => {
    if (next < count) fail(`client ${c} (${mode}) closed after ${next} messages: ${reason}`);
  });
  return {
    mode,
    opened: new Promise((resolve) => socket.once("open", resolve)),
    send: (j) => socket.send(j % 2 === 0 ? text(c, j) : binary(c, j)),
    finished,
    transport: () => socket.transport.name,
    upgraded: () => new Promise((resolve) => (socket.transport.name === "websocket" ? resolve() : socket.once("upgrade", resolve))),
    close: () => socket.close(),
  };
}

function socketIoClient(c, mode) {
  const socket = io(origin, { ...modes[mode], path: "/socket.io/", forceNew: true, reconnection: false });
  let next = 0;
  let acks = 0;
  const expectedAcks = Math.floor((count + 3) / 4);
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  const check = () => next === count && acks === expectedAcks && done();
  const payload = (j) => (j % 2 === 0 ? text(c, j) : binary(c, j));
  socket.on("message-back", (from, j, data) => {
    if (next >= count) fail(`client ${c} (${mode}) got an extra message from ${from}: ${j}`);
    if (from !== c || j !== next || !equal(data, payload(next))) {
      fail(`client ${c} (${mode}) message ${next}: got [${from}, ${j}, ${describe(data)}], expected [${c}, ${next}, ${describe(payload(next))}]`);
    }
    next++;
    check();
  });
  socket.on("connect_error", (err) => fail(`client ${c} (${mode}) connect_error: ${err.message}`));
  socket.on("disconnect", (reason) => {
    if (next < count || acks < expectedAcks) fail(`client ${c} (${mode}) disconnected after ${next} messages: ${reason}`);
  });
  return {
    mode,
    opened: new Promise((resolve) => socket.once("connect", resolve)),
    send: (j) => {
      socket.emit("message", c, j, payload(j));
      if (j % 4 === 0) {
        socket.timeout(30000).emit("message-with-ack", c, j, payload(j), (err, from, k, data) => {
          if (err) fail(`client ${c} (${mode}) ack ${j}: ${err.message}`);
          if (from !== c || k !== j || !equal(data, payload(j))) {
            fail(`client ${c} (${mode}) ack ${j} carried [${from}, ${k}, ${describe(data)}]`);
          }
          acks++;
          check();
        });
      }
    },
    finished,
    transport: () => socket.io.engine.transport.name,
    upgraded: () => new Promise((resolve) =>
      socket.io.engine.transport.name === "websocket" ? resolve() : socket.io.engine.once("upgrade", resolve)),
    close: () => socket.disconnect(),
  };
}

const clients = [];
let id = 1;
for (const mode of Object.keys(modes)) {
  for (let i = 0; i < perTransport; i++) {
    clients.push((kind === "eio" ? engineClient : socketIoClient)(id++, mode));
  }
}
await Promise.all(clients.map((client) => client.opened));
// All at once: every client sends a few messages per turn of the event loop, interleaved with the others (upgrading
// clients are usually mid-upgrade here, which must not reorder anything either).
for (let j = 0; j < count; j++) {
  for (const client of clients) client.send(j);
  if (j % 5 === 4) await tick();
}
await Promise.all(clients.map((client) => client.finished));
await Promise.all(clients.filter((client) => client.mode !== "polling").map((client) => client.upgraded()));
for (const client of clients) {
  const expected = client.mode === "polling" ? "polling" : "websocket";
  if (client.transport() !== expected) fail(`a ${client.mode} client ended on ${client.transport()}`);
}
console.log(`OK ${clients.length} clients`);
clients.forEach((client) => client.close());
process.exit(0);
