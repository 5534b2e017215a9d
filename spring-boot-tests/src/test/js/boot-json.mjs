// Usage: node boot-json.mjs <origin> <engine-path> <polling|websocket|upgrade>
// The official socket.io-client sends a record with @JsonProperty("first_name")-style names to /profiles and checks
// the ack uses the same names: the application's Jackson ObjectMapper read and wrote it. Prints "OK <mode>".
import { io } from "socket.io-client";

const [origin, path, mode] = process.argv.slice(2);
const options = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"] },
  upgrade: { transports: ["polling", "websocket"] },
}[mode];
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
if (!origin || !path || !options) fail("usage: node boot-json.mjs <origin> <engine-path> <polling|websocket|upgrade>");
setTimeout(() => fail("timeout"), 30000).unref();
const socket = io(origin + "/profiles", { ...options, path, forceNew: true, reconnection: false });
socket.on("connect_error", (err) => fail("connect_error: " + err.message));
await new Promise((resolve) => socket.once("connect", resolve));
const reply = await socket.timeout(10000).emitWithAck("birthday", { first_name: "Ada", last_name: "Lovelace", age: 36 });
const expected = { first_name: "ADA", last_name: "LOVELACE", age: 37 };
if (JSON.stringify(reply) !== JSON.stringify(expected)) {
  fail(`ack was ${JSON.stringify(reply)}, expected ${JSON.stringify(expected)}`);
}
socket.close();
console.log("OK " + mode);
