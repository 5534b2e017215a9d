// Connects the official Node client to the admin namespace as the Admin UI does, and prints one JSON line of what it
// saw. Usage: node admin-client.mjs <url> <username> <password> <scenario: refused|shapes>
import { io } from "socket.io-client";

const [url, username, password, scenario] = process.argv.slice(2);
const timeout = setTimeout(() => { console.log(JSON.stringify({ error: "timeout" })); process.exit(2); }, 20000);
const done = (result) => { clearTimeout(timeout); console.log(JSON.stringify(result)); process.exit(0); };

if (scenario === "refused") {
  const admin = io(url + "/admin", { auth: { username, password }, transports: ["websocket"], forceNew: true });
  admin.on("connect", () => done({ connected: true }));
  admin.on("connect_error", (err) => done({ connected: false, message: err.message }));
} else {
  // an application client first, in a room, so that all_sockets has something to show
  const app = io(url + "/", { transports: ["polling"] });
  await new Promise((resolve) => app.on("connect", resolve));
  const seen = {};
  const admin = io(url + "/admin", { auth: { username, password }, transports: ["websocket"], forceNew: true });
  const want = ["session", "config", "all_sockets", "server_stats"];
  for (const ev of want) {
    admin.on(ev, (arg) => {
      if (!(ev in seen)) seen[ev] = arg;
      if (want.every((e) => e in seen) && !seen.joined) {
        seen.joined = "pending";
        admin.emit("join", "/", "from-ui", app.id);
      }
    });
  }
  app.on("in-room", (room) => { seen.appSawRoom = room; });
  admin.on("room_joined", (nsp, room, id, ts) => {
    if (room !== "from-ui") return;
    seen.room_joined = { nsp, room, id, ts, appId: app.id };
    // the server side tells the app client what rooms it is in (see AdminUiIT's "/" handler)
    app.emit("rooms?", (rooms) => { seen.appRooms = rooms; done(seen); });
  });
}
