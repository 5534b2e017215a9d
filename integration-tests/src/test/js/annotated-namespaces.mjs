// Usage: node annotated-namespaces.mjs <base-url> <namespace>=<connect|error message> ...
// Which namespaces exist: each "/name=connect" must connect, each "/name=<message>" must fail with that
// connect_error message (e.g. "/guarded=Invalid namespace"). WebSocket only. Prints "OK" and exits 0; 1 on failure.
import { io } from "socket.io-client";

const [url, ...expectations] = process.argv.slice(2);
if (!url || expectations.length === 0) {
  console.error("usage: node annotated-namespaces.mjs <base-url> <namespace>=<connect|error message> ...");
  process.exit(2);
}
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 30000).unref();

for (const expectation of expectations) {
  const [nsp, expected] = expectation.split("=");
  const socket = io(url + nsp, { transports: ["websocket"], forceNew: true });
  const outcome = await new Promise((resolve) => {
    socket.once("connect", () => resolve("connect"));
    socket.once("connect_error", (err) => resolve(err.message));
  });
  socket.disconnect();
  if (outcome !== expected) fail(`${nsp}: ${outcome}, expected ${expected}`);
}
console.log("OK");
process.exit(0);
