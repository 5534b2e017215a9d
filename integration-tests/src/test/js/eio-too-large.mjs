// Usage: node eio-too-large.mjs <base-url> <polling|websocket>
// Sends one message larger than maxHttpBufferSize (1,000,000 bytes) and expects the server to refuse it: the
// connection closes and nothing is echoed. Prints "REFUSED <reason>" and exits 0; exits 1 otherwise.
import { Socket } from "engine.io-client";

const [url, mode] = process.argv.slice(2);
if (!url || !["polling", "websocket"].includes(mode)) {
  console.error("usage: node eio-too-large.mjs <base-url> <polling|websocket>");
  process.exit(2);
}
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout: the oversized message was not refused"), 15000).unref();

const socket = new Socket(url, { transports: [mode], upgrade: false });
socket.on("open", () => socket.send("x".repeat(1_000_001)));
socket.on("message", (data) => fail(`oversized message was echoed (${data.length} chars)`));
socket.on("error", (err) => console.log(`error: ${err}`));
socket.on("close", (reason, details) => {
  console.log(`REFUSED ${reason} ${details?.description?.message ?? details?.description ?? ""}`);
  process.exit(0);
});
