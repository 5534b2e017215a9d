// Usage: node transport-heartbeat.mjs <origin> <eio|sio> <polling|websocket>
// Against the /hb/ servers of dev.sio4j.it.transport.TransportApp: waits for a first ping (heartbeats work), sends
// "block" (the server parks its timer thread: pings stop, the connection stays open), waits for "blocked", then expects
// the official client to detect the missing pings itself: engine.io-client "close" / socket.io-client "disconnect"
// with reason "ping timeout", and no ping after "blocked". Prints "OK ping timeout <transport>"; exits 1 on failure.
import { Socket } from "engine.io-client";
import { io } from "socket.io-client";

const [origin, kind, mode] = process.argv.slice(2);
const options = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"] },
}[mode];
if (!origin || !["eio", "sio"].includes(kind) || !options) {
  console.error("usage: node transport-heartbeat.mjs <origin> <eio|sio> <polling|websocket>");
  process.exit(2);
}
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 30000).unref();

let pings = 0;
let blocked = false;
const onPing = () => {
  pings++;
  if (blocked) fail("a ping arrived after blocked");
};
const onBlocked = () => {
  if (pings === 0) fail("blocked before any ping");
  blocked = true;
  console.log(`blocked after ${pings} ping(s)`);
};
const onEnd = (transport) => (reason) => {
  if (!blocked) fail(`closed before the block: ${reason}`);
  if (reason !== "ping timeout") fail(`close reason was ${JSON.stringify(reason)}, expected "ping timeout"`);
  console.log(`OK ping timeout ${transport()}`);
  process.exit(0);
};

if (kind === "eio") {
  const socket = new Socket(origin, { ...options, path: "/hb/engine.io/" });
  let transport = "?";
  socket.on("open", () => {
    transport = socket.transport.name;
    console.log(`open on ${transport}`);
  });
  socket.on("ping", () => {
    onPing();
    if (pings === 1) socket.send("block");
  });
  socket.on("message", (data) => {
    if (data === "blocked") onBlocked();
    else fail(`unexpected message ${JSON.stringify(data)}`);
  });
  socket.on("error", (err) => fail(`error: ${err}`));
  socket.on("close", onEnd(() => transport));
} else {
  const socket = io(origin, { ...options, path: "/hb/socket.io/", forceNew: true, reconnection: false });
  let transport = "?";
  socket.on("connect", () => {
    transport = socket.io.engine.transport.name;
    console.log(`connect on ${transport}`);
  });
  socket.io.on("ping", () => {
    onPing();
    if (pings === 1) socket.emit("block");
  });
  socket.on("blocked", onBlocked);
  socket.on("connect_error", (err) => fail(`connect_error: ${err.message}`));
  socket.on("disconnect", onEnd(() => transport));
}
