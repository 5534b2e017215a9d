// Usage: node eio-echo.mjs <base-url> <polling|websocket|upgrade>
// Connects the official engine.io-client to <base-url>/engine.io/, exchanges a text and a binary message with the
// echo server, checks the transport in use, prints "OK <transport>" and exits 0; exits 1 on any failure.
import { Socket } from "engine.io-client";

const [url, mode] = process.argv.slice(2);
const options = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"] },
  upgrade: { transports: ["polling", "websocket"] },
}[mode];
if (!url || !options) {
  console.error("usage: node eio-echo.mjs <base-url> <polling|websocket|upgrade>");
  process.exit(2);
}

const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 15000).unref();

const socket = new Socket(url, options);
const expectedTransport = mode === "polling" ? "polling" : "websocket";
let step = 0;

function exchange() {
  if (socket.transport.name !== expectedTransport) {
    fail(`transport is ${socket.transport.name}, expected ${expectedTransport}`);
  }
  socket.send("hello €");
}

socket.on("open", () => {
  console.log(`open on ${socket.transport.name}`);
  if (mode === "upgrade") {
    socket.on("upgrade", () => {
      console.log("upgraded");
      exchange();
    });
  } else {
    exchange();
  }
});

socket.on("message", (data) => {
  if (step === 0) {
    if (data !== "hello €") fail(`text echo was ${JSON.stringify(data)}`);
    step = 1;
    socket.send(Uint8Array.from([1, 2, 3, 255]));
  } else if (step === 1) {
    if (typeof data === "string") fail(`binary echo came back as text ${JSON.stringify(data)}`);
    const got = Buffer.from(data);
    if (!got.equals(Buffer.from([1, 2, 3, 255]))) fail(`binary echo was ${got.toString("hex")}`);
    step = 2;
    console.log(`OK ${socket.transport.name}`);
    socket.close();
  }
});

socket.on("close", (reason) => {
  if (step !== 2) fail(`closed early: ${reason}`);
  process.exit(0);
});
socket.on("error", (err) => fail(`error: ${err}`));
