// Disconnect reasons on both sides and the disconnecting event still seeing the rooms.
// Usage: node api-disconnect.mjs <base-url> <websocket|polling>
import { command, connected, next, run, track, unique } from "./api-common.mjs";

/** Runs `trigger` on a connected client in a room; returns both sides' reasons and the server's room views. */
async function reasons(trigger) {
  const room = unique("r");
  const observer = await connected();
  const a = await connected();
  await command(a, "join", { rooms: [room] });
  const id = a.id;
  const clientReason = next(a, "disconnect");
  await trigger(a);
  const [client] = await clientReason;
  const server = await command(observer, "await-disconnect", { id });
  return {
    client,
    server: server.reason,
    roomsWhileDisconnecting: server.roomsWhileDisconnecting.filter((r) => r !== id).concat(
      server.roomsWhileDisconnecting.includes(id) ? ["<own id>"] : [],
    ),
    roomsAfter: server.roomsAfter,
    roomGone: !(await command(observer, "fetch", { ops: [["in", room]] })).length,
  };
}

await run({
  clientNamespaceDisconnect: () => reasons(async (a) => a.disconnect()),
  serverNamespaceDisconnect: () => reasons((a) => command(a, "disconnect-me", { close: false })),
  serverDisconnectWithClose: () => reasons((a) => command(a, "disconnect-me", { close: true })),
  clientClosesTransport: () => reasons(async (a) => a.io.engine.close()),
  serverClosesTransport: () => reasons(async (a) => a.emit("drop", {})),

  async serverCloseDisconnectsEveryNamespaceOfTheConnection() {
    const a = await connected();
    const chat = track(a.io.socket("/chat"));
    await next(chat, "welcome");
    const reasons = [next(a, "disconnect"), next(chat, "disconnect")];
    await command(chat, "disconnect-me", { close: true });
    return { reasons: (await Promise.all(reasons)).map(([r]) => r) };
  },

  async leavingOneNamespaceKeepsTheOthers() {
    const a = await connected();
    const chat = track(a.io.socket("/chat"));
    await next(chat, "welcome");
    const id = chat.id;
    chat.disconnect();
    const server = await command(a, "await-disconnect", { id });
    return { server: server.reason, mainStillWorks: (await command(a, "state")).id === a.id, engineOpen: a.io.engine.readyState };
  },
});
