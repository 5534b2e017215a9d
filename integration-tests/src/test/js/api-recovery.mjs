// Connection state recovery (server at /recovery/): after a forced transport drop (server side: socket.conn().close();
// client side: socket.io.engine.close()) the client reconnects with socket.recovered === true, the same id, its
// rooms and data, and receives the events broadcast while it was away, in order, none missed.
// Usage: node api-recovery.mjs <base-url> <websocket|polling>
import { command, connected, next, run, unique } from "./api-common.mjs";

const path = "/recovery/";

async function recover(drop) {
  const room = unique("r");
  const observer = await connected("/", { path });
  const a = await connected("/", { path });
  const id = a.id;
  await command(a, "join", { rooms: [room] });
  await command(a, "set-data", { key: "name", value: "alice" });
  const received = [];
  a.on("seq", (n) => received.push(n));
  const emit = (n) => command(observer, "emit", { base: "io", ops: [["to", room]], event: "seq", args: [n] });
  await emit(1);
  await command(a, "state"); // barrier: 1 has arrived
  const gone = next(a, "disconnect");
  await drop(a);
  const [clientReason] = await gone;
  const server = await command(observer, "await-disconnect", { id });
  await emit(2); // while a is away
  await emit(3);
  const welcome = next(a, "welcome");
  a.connect();
  const [again] = await welcome;
  await emit(4);
  const state = await command(a, "state");
  return {
    clientReason,
    serverReason: server.reason,
    recovered: a.recovered,
    sameId: a.id === id && state.id === id,
    serverRecovered: again.recovered && state.recovered,
    inRoom: state.rooms.includes(room),
    data: state.data,
    received,
  };
}

await run({
  serverDropsTransport: () => recover(async (a) => a.emit("drop", {})),
  clientDropsTransport: async () => recover(async (a) => a.io.engine.close()),

  async explicitDisconnectIsNotRecovered() {
    const a = await connected("/", { path });
    const id = a.id;
    a.disconnect();
    const welcome = next(a, "welcome");
    a.connect();
    await welcome;
    return { recovered: a.recovered, sameId: a.id === id };
  },
});
