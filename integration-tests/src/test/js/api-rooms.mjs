// Rooms and broadcasting with the official client: to / in / except (one and several rooms), socket.broadcast,
// io.emit, namespace emit, local, compress, volatile, rooms across namespaces, fetchSockets / socketsJoin /
// socketsLeave / disconnectSockets, bursts of broadcasts. Usage: node api-rooms.mjs <base-url> <websocket|polling>
import { command, collect, connected, emitVia, next, run, track, unique } from "./api-common.mjs";

/** Labels of the "news" events carrying this run's token, per socket. */
function newsOf(sockets, token) {
  return collect(sockets, "news", (t) => t === token).map((list) => ({ list, labels: () => list.map((a) => a[1]) }));
}

await run({
  async operators() {
    const token = unique("t");
    const [r1, r2] = [unique("r1"), unique("r2")];
    const [a, b, c] = [await connected(), await connected(), await connected()];
    await command(a, "join", { rooms: [r1] });
    await command(b, "join", { rooms: [r1, r2] });
    const got = newsOf([a, b, c], token);
    const emit = (from, label, base, ops) => command(from, "emit", { base, ops, event: "news", args: [token, label] });
    await emit(c, "io.to", "io", [["to", r1]]);
    await emit(c, "io.in", "io", [["in", r2]]);
    await emit(c, "io.to.to", "io", [["to", r1], ["to", r2]]);
    await emit(c, "io.to(two)", "io", [["to", r1, r2]]);
    await emit(c, "io.except", "io", [["except", r2]]);
    await emit(c, "io.to.except", "io", [["to", r1], ["except", r2]]);
    await emit(c, "io.emit", "io", []);
    await emit(c, "nsp.emit", "nsp", []);
    await emit(c, "nsp.to", "nsp", [["to", r2]]);
    await emit(c, "io.local", "io", [["local"]]);
    await emit(c, "io.local.to", "io", [["local"], ["to", r2]]);
    await emit(c, "io.to.compress", "io", [["to", r1], ["compress", false]]);
    await emit(a, "socket.broadcast", "socket", [["broadcast"]]);
    await emit(a, "socket.to", "socket", [["to", r1]]);
    await emit(a, "socket.in", "socket", [["in", r2]]);
    await emit(a, "socket.except", "socket", [["except", r2]]);
    await emit(a, "socket.local", "socket", [["local"]]);
    await emit(a, "socket.emit", "socket", []);
    await emit(c, "socket.broadcast.compress", "socket", [["broadcast"], ["compress", true]]);
    await emitVia(c, { base: "io", ops: [], event: "done" }, [a, b, c]);
    return { a: got[0].labels(), b: got[1].labels(), c: got[2].labels() };
  },

  async joinLeave() {
    const [x, y] = [unique("x"), unique("y")];
    const a = await connected();
    const afterJoin = await command(a, "join", { rooms: [x, y] });
    const afterLeave = await command(a, "leave", { room: x });
    const token = unique("t");
    const [got] = newsOf([a], token);
    await emitVia(a, { base: "io", ops: [["to", x]], event: "news", args: [token, "left"] }, [a]);
    await emitVia(a, { base: "io", ops: [["to", y]], event: "news", args: [token, "kept"] }, [a]);
    return { id: a.id, afterJoin, afterLeave, received: got.labels() };
  },

  async acrossNamespaces() {
    const room = unique("shared");
    const token = unique("t");
    const main = await connected();
    // the same connection (Manager) multiplexes /chat; the new socket connects by itself (autoConnect)
    const chat = track(main.io.socket("/chat"));
    await next(chat, "welcome");
    const other = await connected("/chat");
    await command(main, "join", { rooms: [room] });
    await command(chat, "join", { rooms: [room] });
    const [gotMain, gotChat, gotOther] = newsOf([main, chat, other], token);
    const emit = (from, label, cmd) => command(from, "emit", { ...cmd, event: "news", args: [token, label] });
    await emit(main, "main io.to", { base: "io", ops: [["to", room]] });
    await emit(chat, "chat nsp.to", { base: "nsp", ops: [["to", room]] });
    await emit(main, "of(/chat).to from main", { base: "nsp", nsp: "/chat", ops: [["to", room]] });
    await emit(other, "chat nsp.emit", { base: "nsp", ops: [] });
    await Promise.all([main, chat, other].map((s) => command(s, "state")));
    return {
      sameEngine: main.io.engine === chat.io.engine,
      main: gotMain.labels(),
      chat: gotChat.labels(),
      other: gotOther.labels(),
      chatRooms: (await command(chat, "state")).rooms.includes(room),
    };
  },

  async remoteOperations() {
    const [r, r2] = [unique("r"), unique("r2")];
    const [a, b, c] = [await connected(), await connected(), await connected()];
    await command(a, "join", { rooms: [r] });
    await command(b, "join", { rooms: [r] });
    await command(a, "set-data", { key: "name", value: "alice" });
    const fetched = await command(c, "fetch", { ops: [["in", r]] });
    const fetchedExcept = await command(c, "fetch", { ops: [["in", r], ["except", b.id]] });
    await command(c, "sockets-join", { ops: [["in", r]], rooms: [r2] });
    const roomsAfterJoin = [await command(a, "state"), await command(b, "state"), await command(c, "state")].map(
      (s) => s.rooms.includes(r2),
    );
    await command(c, "sockets-leave", { ops: [["in", r2]], rooms: [r] });
    const roomsAfterLeave = [await command(a, "state"), await command(b, "state")].map((s) => s.rooms.includes(r));
    const ids = { a: a.id, b: b.id };
    const reasons = [next(a, "disconnect"), next(b, "disconnect")];
    await command(c, "disconnect-sockets", { ops: [["in", r2]], close: false });
    const clientReasons = (await Promise.all(reasons)).map(([reason]) => reason);
    const serverReason = await command(c, "await-disconnect", { id: ids.a });
    return {
      ids,
      fetched: fetched.map((s) => ({ id: s.id, inRoom: s.rooms.includes(r), data: s.data })),
      fetchedExcept: fetchedExcept.map((s) => s.id),
      roomsAfterJoin,
      roomsAfterLeave,
      clientReasons,
      serverReason: serverReason.reason,
      cStillConnected: c.connected && (await command(c, "state")).id === c.id,
    };
  },

  // One handler broadcasts 1,000 text events, then 1,000 binary ones (a header frame and an attachment each), to a
  // room of three: the frames queued per connection leave back to back (batched where the container allows it).
  // Every client must get all of them, in order, intact.
  async burst() {
    const room = unique("burst");
    const token = unique("t");
    const n = 1000;
    const text = "x".repeat(100);
    const binary = Buffer.from([0, 1, 2, 253, 254, 255]);
    const sockets = [await connected(), await connected(), await connected()];
    for (const s of sockets) await command(s, "join", { rooms: [room] });
    const ticks = collect(sockets, "tick", (t) => t === token);
    const bins = collect(sockets, "bin", (t) => t === token);
    await command(sockets[0], "emit", { base: "io", ops: [["to", room]], event: "tick", args: [token, text], repeat: n });
    await command(sockets[1], "emit", { base: "io", ops: [["to", room]], event: "bin", args: [token, binary], repeat: n });
    await emitVia(sockets[2], { base: "io", ops: [["to", room]], event: "after", args: [token] }, sockets);
    const inOrder = (list, intact) => list.length === n && list.every((a, i) => a[2] === i && intact(a[1]));
    return {
      ticks: ticks.map((l) => l.length),
      bins: bins.map((l) => l.length),
      ticksInOrder: ticks.map((l) => inOrder(l, (v) => v === text)),
      binsInOrder: bins.map((l) => inOrder(l, (v) => Buffer.from(v).equals(binary))),
    };
  },

  async volatile() {
    const room = unique("v");
    const token = unique("t");
    const a = await connected();
    await command(a, "join", { rooms: [room] });
    const [single] = collect([a], "single", (t) => t === token);
    const [burst] = collect([a], "burst", (t) => t === token);
    const [after] = collect([a], "after", (t) => t === token);
    await emitVia(a, { base: "io", ops: [["volatile"], ["to", room]], event: "single", args: [token] }, [a]);
    await emitVia(a, { base: "socket", ops: [["volatile"]], event: "burst", args: [token], repeat: 500 }, []);
    await emitVia(a, { base: "nsp", ops: [["to", room], ["volatile"]], event: "burst", args: [token], repeat: 500 });
    await emitVia(a, { base: "socket", ops: [], event: "after", args: [token] }, [a]);
    return { single: single.length, burst: burst.length, after: after.length };
  },
});
