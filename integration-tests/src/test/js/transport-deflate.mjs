// Usage: node transport-deflate.mjs <origin> <engine path>
// 1. A raw `ws` client offering permessage-deflate (its default offer) opens the Engine.IO WebSocket at <path> and
//    prints the negotiated extensions: "EXTENSIONS <Sec-WebSocket-Extensions response header>" or "EXTENSIONS none";
//    then a large compressible text message and a binary message must come back unchanged from the echo server; prints
//    "WIRE <bytes read for the text echo> <its length>" (the server's frames are compressed iff the first is smaller).
// 2. The official engine.io-client (which offers permessage-deflate too) does the same over websocket.
// Prints "OK" and exits 0; exits 1 on failure.
import WebSocket from "ws";
import { Socket } from "engine.io-client";

const [origin, path] = process.argv.slice(2);
if (!origin || !path) {
  console.error("usage: node transport-deflate.mjs <origin> <engine path>");
  process.exit(2);
}
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 30000).unref();

const big = "sio4j permessage-deflate € ".repeat(2000);
const bytes = Buffer.alloc(50000, 7);
bytes[0] = 1;
bytes[bytes.length - 1] = 255;

// 1. raw ws
const url = origin.replace(/^http/, "ws") + path + "?EIO=4&transport=websocket";
const ws = new WebSocket(url, { perMessageDeflate: true });
let header = null;
ws.on("upgrade", (res) => {
  header = res.headers["sec-websocket-extensions"] ?? null;
});
ws.on("error", (err) => fail(`ws error: ${err.message}`));
const received = [];
let waiting = null;
ws.on("message", (data, isBinary) => {
  received.push({ data, isBinary });
  if (waiting) waiting();
});
const next = async () => {
  while (received.length === 0) await new Promise((resolve) => (waiting = resolve));
  return received.shift();
};
await new Promise((resolve) => ws.once("open", resolve));
console.log(`EXTENSIONS ${header ?? "none"}`);
console.log(`ws negotiated ${JSON.stringify(Object.keys(ws._extensions ?? {}))}`);
const open = await next();
if (open.isBinary || !open.data.toString().startsWith("0{")) fail(`expected the open packet, got ${open.data}`);
const before = ws._socket.bytesRead;
ws.send("4" + big);
const text = await next();
// What the echo took on the wire: far less than the message when the server compresses its frames.
console.log(`WIRE ${ws._socket.bytesRead - before} ${Buffer.byteLength("4" + big)}`);
if (text.isBinary || text.data.toString() !== "4" + big) fail(`text echo differs (${text.data.length} bytes)`);
ws.send(bytes, { binary: true });
const bin = await next();
if (!bin.isBinary || !Buffer.from(bin.data).equals(bytes)) fail(`binary echo differs (${bin.data.length} bytes)`);
ws.close();
console.log("raw ws echo OK");

// 2. the official client
const socket = new Socket(origin, { transports: ["websocket"], path });
await new Promise((resolve, reject) => {
  socket.on("error", (err) => reject(new Error(`engine.io-client error: ${err}`)));
  socket.once("open", resolve);
}).catch((err) => fail(err.message));
socket.send(big);
const [echoed] = await new Promise((resolve) => socket.once("message", (...args) => resolve(args)));
if (echoed !== big) fail(`engine.io-client text echo differs (${echoed.length} chars)`);
socket.send(bytes);
const [echoedBytes] = await new Promise((resolve) => socket.once("message", (...args) => resolve(args)));
if (typeof echoedBytes === "string" || !Buffer.from(echoedBytes).equals(bytes)) fail("engine.io-client binary echo differs");
socket.close();
console.log("OK");
process.exit(0);
