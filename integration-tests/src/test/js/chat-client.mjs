// Usage: node chat-client.mjs <chat-page-url> <polling|websocket|upgrade>
// Two official socket.io-client users against the sample chat (war-sample ChatEndpoint) deployed at <chat-page-url>
// (any context path: Socket.IO lives at <chat-page-url>socket.io/): a missing nickname is refused, both join one room
// and see each other online, messages are acknowledged and reach the other user, leaving is announced.
// Prints "OK <transport>" and exits 0; exits 1 on any failure.
import { io } from "socket.io-client";

const [page, mode] = process.argv.slice(2);
const transports = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"] },
  upgrade: { transports: ["polling", "websocket"] },
}[mode];
if (!page || !transports) {
  console.error("usage: node chat-client.mjs <chat-page-url> <polling|websocket|upgrade>");
  process.exit(2);
}
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 30000).unref();

const url = new URL(page);
const connect = (auth) =>
  io(url.origin, { ...transports, path: url.pathname + "socket.io/", forceNew: true, reconnection: false, auth });
const once = (emitter, event) => new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
// Resolves with the first event whose arguments satisfy the predicate (events may repeat, e.g. "online").
const until = (socket, event, predicate) =>
  new Promise((resolve) => {
    const listener = (...args) => {
      if (predicate(...args)) {
        socket.off(event, listener);
        resolve(args);
      }
    };
    socket.on(event, listener);
  });
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const connected = async (socket, who) => {
  const [outcome] = await Promise.race([once(socket, "connect").then(() => ["ok"]),
    once(socket, "connect_error").then(([err]) => [err])]);
  if (outcome !== "ok") fail(`${who} could not connect: ${outcome.message}`);
  if (mode === "upgrade" && socket.io.engine.transport.name !== "websocket") await once(socket.io.engine, "upgrade");
  log(`${who} connected over ${socket.io.engine.transport.name}`);
};
const log = (line) => console.log(line);

// 1. The auth middleware refuses a connection without a nickname, and one with a too-long nickname.
for (const [auth, expected] of [[{}, "nickname required"], [{ nickname: "x".repeat(33) }, "nickname too long"]]) {
  const refused = connect(auth);
  const [err] = await once(refused, "connect_error");
  if (!err.message.startsWith(expected)) fail(`refusal of ${JSON.stringify(auth)} said "${err.message}"`);
  refused.close();
}
log("refusals ok");

// 2. Alice and Bob join one room; each sees the other online.
const room = `it-${mode}-${process.pid}`;
const alice = connect({ nickname: "alice" });
await connected(alice, "alice");
const aliceJoin = await alice.timeout(5000).emitWithAck("join", { room });
if (!same(aliceJoin, { online: ["alice"] })) fail(`alice's join ack was ${JSON.stringify(aliceJoin)}`);

const bob = connect({ nickname: "bob" });
await connected(bob, "bob");
const bobJoined = once(alice, "joined");
const aliceSeesBoth = until(alice, "online", (names) => same(names, ["alice", "bob"]));
const bobJoin = await bob.timeout(5000).emitWithAck("join", { room });
if (!same(bobJoin, { online: ["alice", "bob"] })) fail(`bob's join ack was ${JSON.stringify(bobJoin)}`);
const [joined] = await bobJoined;
if (!same(joined, { name: "bob" })) fail(`alice got joined ${JSON.stringify(joined)}`);
await aliceSeesBoth;
log("join ok");

// 3. Messages are acknowledged to the sender and delivered to the other one, with the sender's name and a time.
const bobGets = once(bob, "message");
const aliceAck = await alice.timeout(5000).emitWithAck("message", { text: "hello bob" });
if (typeof aliceAck?.time !== "number") fail(`alice's message ack was ${JSON.stringify(aliceAck)}`);
const [toBob] = await bobGets;
if (toBob.from !== "alice" || toBob.text !== "hello bob" || typeof toBob.time !== "number") {
  fail(`bob got ${JSON.stringify(toBob)}`);
}
const aliceGets = once(alice, "message");
await bob.timeout(5000).emitWithAck("message", { text: "hi alice ✓" });
const [toAlice] = await aliceGets;
if (toAlice.from !== "bob" || toAlice.text !== "hi alice ✓") fail(`alice got ${JSON.stringify(toAlice)}`);
log("messages ok");

// 4. Typing is a volatile broadcast: over WebSocket the other user gets it once the connection is free to write
// (polling may drop it by design). A volatile packet is dropped while a write to alice is still in flight, as in
// Node, which a loaded machine makes likely right after the messages above: bob keeps typing until alice sees it.
if (mode !== "polling") {
  const aliceSeesTyping = once(alice, "typing");
  bob.emit("typing");
  const typingAgain = setInterval(() => bob.emit("typing"), 100);
  const [typing] = await aliceSeesTyping;
  clearInterval(typingAgain);
  if (!same(typing, { name: "bob" })) fail(`alice got typing ${JSON.stringify(typing)}`);
  log("typing ok");
}

// 5. Bob leaves: alice is told and the online list shrinks.
const bobLeft = until(alice, "left", (who) => who.name === "bob");
const aliceAlone = until(alice, "online", (names) => same(names, ["alice"]));
bob.disconnect();
await bobLeft;
await aliceAlone;
log("leave ok");

console.log(`OK ${alice.io.engine.transport.name}`);
alice.disconnect();
process.exit(0);
