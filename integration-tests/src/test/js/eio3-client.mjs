// A socket.io-client 2.5.0 (Engine.IO v3 / Socket.IO v4 protocol, as in old apps) and a 4.8 client against a
// server with allowEIO3: connect to the main namespace (implicit in v3) and to /nsp with a query, acks both ways
// with binary, and one room broadcast reaching both protocol versions. Args: base URL, transports JSON.
// Prints "OK <final transport of the v3 client>".
import io2 from "socket.io-client-v2";
import { io as io4 } from "socket.io-client";

const [url, transportsJson] = process.argv.slice(2);
const transports = JSON.parse(transportsJson);
const fail = (why) => { console.error("FAIL " + why); process.exit(1); };
setTimeout(() => fail("timeout"), 30000).unref();
const once = (s, ev) => new Promise((resolve) => s.once(ev, (...a) => resolve(a)));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const old = io2(url, { transports, reconnection: false, forceNew: true });
old.on("connect_error", (e) => fail("v3 connect_error " + e));
await once(old, "connect");
console.log(`v3 connected over ${old.io.engine.transport.name}`);

// acks both ways, binary included
const echoed = await new Promise((resolve) => old.emit("echo", "hi", 1, Buffer.from([9, 8]), (...r) => resolve(r)));
if (!same([echoed[0], echoed[1], [...echoed[2]]], ["hi", 1, [9, 8]])) fail(`echo ${JSON.stringify(echoed)}`);
old.on("question", (n, ack) => ack("answer " + n));
const answered = once(old, "answered");
old.emit("ask");
const [answer] = await answered;
if (answer !== "answer 7") fail(`server's ack got ${JSON.stringify(answer)}`);
console.log("acks ok");

// a namespace: its query is the CONNECT's auth in v3
const nsp = io2(url + "/nsp?token=t1", { transports, reconnection: false });
const [auth] = await once(nsp, "hello");
if (auth.token !== "t1") fail(`namespace auth ${JSON.stringify(auth)}`);
console.log("namespace ok");

// one broadcast to room r reaches the v3 and the v4 client
const modern = io4(url, { transports: ["websocket"], reconnection: false, forceNew: true });
await once(modern, "connect");
const oldGets = once(old, "news");
const modernGets = once(modern, "news");
modern.emit("broadcast", "x", Buffer.from([1, 2, 3]));
for (const [who, got] of [["v3", await oldGets], ["v4", await modernGets]]) {
  if (got[0] !== "x" || !same([...got[1]], [1, 2, 3])) fail(`${who} got ${JSON.stringify(got)}`);
}
console.log("broadcast ok");
console.log(`OK ${old.io.engine.transport.name}`);
process.exit(0);
