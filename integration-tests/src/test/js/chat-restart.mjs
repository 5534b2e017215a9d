// Usage: node chat-restart.mjs <chat-page-url> <room>
// One official socket.io-client user, "alice" (default transports: polling, then WebSocket), of the sample chat at
// <chat-page-url> while the test restarts the server under her (TomcatChatRestartIT; "ben" is the test's Java client):
// 1. connects, joins <room>, waits until ben is online there, sends "before the restart" (acknowledged);
// 2. the server stops: she is disconnected ("transport close", or "transport error" if the connection is reset) and retries by herself (every 250..1000 ms);
// 3. the server is back: she connects again, rejoins <room>, waits for ben, sends "after the restart" (acknowledged)
//    and waits for ben's "back from ben".
// Prints "OK" and exits 0; exits 1 on any failure.
import { io } from "socket.io-client";

const [page, room] = process.argv.slice(2);
if (!page || !room) {
  console.error("usage: node chat-restart.mjs <chat-page-url> <room>");
  process.exit(2);
}
const log = (line) => console.log(line);
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 90000).unref();
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
// Resolves with the first event whose arguments satisfy the predicate.
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

const url = new URL(page);
const alice = io(url.origin, {
  path: url.pathname + "socket.io/",
  forceNew: true,
  reconnectionDelay: 250,
  reconnectionDelayMax: 1000,
  auth: { nickname: "alice" },
});

// Joins the room (a restarted server knows no rooms), waits until ben is there too, sends one acknowledged message.
const joinAndSend = async (text) => {
  const bothOnline = until(alice, "online", (names) => same(names, ["alice", "ben"]));
  const joined = await alice.timeout(5000).emitWithAck("join", { room });
  if (!same(joined.online, ["alice", "ben"])) await bothOnline;
  const ack = await alice.timeout(5000).emitWithAck("message", { text });
  if (typeof ack?.time !== "number") fail(`ack of "${text}" was ${JSON.stringify(ack)}`);
  log(`sent "${text}"`);
};

let connects = 0;
const disconnects = [];
alice.on("disconnect", (reason) => {
  disconnects.push(reason);
  log(`disconnect: ${reason}`);
});
alice.on("connect", () => {
  connects++;
  log(`connect #${connects}`);
  const step = connects === 1 ? joinAndSend("before the restart")
    : connects === 2 ? (async () => {
      const fromBen = until(alice, "message", (m) => m.from === "ben" && m.text === "back from ben");
      await joinAndSend("after the restart");
      await fromBen;
      log(`got "back from ben"`);
      // a clean close frame, or the connection reset while the container shut down: either way one disconnect
      const ok = disconnects.length === 1 && ["transport close", "transport error"].includes(disconnects[0]);
      if (!ok) fail(`disconnects were ${JSON.stringify(disconnects)}`);
      log("OK");
      alice.disconnect();
      process.exit(0);
    })()
    : Promise.resolve(fail(`unexpected connect #${connects}`));
  step.catch((err) => fail(`after connect #${connects}: ${err.message}`));
});
