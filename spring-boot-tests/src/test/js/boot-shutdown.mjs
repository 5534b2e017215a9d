// Usage: node boot-shutdown.mjs <origin> <engine-path> <polling|websocket>
// Connects with the official client, prints "CONNECTED", then waits for the server to go away (the test closes the
// Spring context with server.shutdown=graceful) and prints "DISCONNECTED <reason>". Exits 1 after 30 s.
import { io } from "socket.io-client";

const [origin, path, mode] = process.argv.slice(2);
const options = { polling: { transports: ["polling"], upgrade: false }, websocket: { transports: ["websocket"] } }[mode];
if (!origin || !path || !options) {
  console.error("usage: node boot-shutdown.mjs <origin> <engine-path> <polling|websocket>");
  process.exit(2);
}
setTimeout(() => {
  console.error("FAIL timeout");
  process.exit(1);
}, 30000).unref();
const socket = io(origin, { ...options, path, auth: { token: "secret" }, reconnection: false });
socket.on("connect_error", (err) => {
  console.error("FAIL connect_error " + err.message);
  process.exit(1);
});
socket.once("connect", () => console.log("CONNECTED " + socket.io.engine.transport.name));
socket.once("disconnect", (reason) => {
  console.log("DISCONNECTED " + reason);
  process.exit(0);
});
