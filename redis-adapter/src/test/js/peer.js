// Node.js peer of the sio4j Redis adapter tests: one socket.io server node with @socket.io/redis-adapter, one
// socket.io-client ("nodeclient") connected to it, a @socket.io/redis-emitter, and on demand more socket.io-client
// clients connected to any URL (the Java nodes). Driven by JSON lines on stdin; reports JSON lines on stdout.
// Env: REDIS_URL, KEY, NODES (how many server nodes, this one included, must serve "/" before it reports ready),
// SHARDED (when set: createShardedAdapter, sharded pub/sub, dynamic subscription mode).
"use strict";
const http = require("http");
const readline = require("readline");
const { Server } = require("socket.io");
const { io: connect } = require("socket.io-client");
const { createAdapter, createShardedAdapter } = require("@socket.io/redis-adapter");
const { Emitter } = require("@socket.io/redis-emitter");
const { createClient } = require("redis");

const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const plain = (v) => (Buffer.isBuffer(v) ? { buffer: [...v] } : v);

async function main() {
  const key = process.env.KEY;
  const pub = createClient({ url: process.env.REDIS_URL });
  const sub = pub.duplicate();
  const emitterClient = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect(), emitterClient.connect()]);
  const httpServer = http.createServer();
  const sharded = !!process.env.SHARDED;
  const adapter = sharded
    ? createShardedAdapter(pub, sub, { channelPrefix: key })
    : createAdapter(pub, sub, { key, requestsTimeout: 3000 });
  const io = new Server(httpServer, { adapter });
  const emitter = new Emitter(emitterClient, { key });

  io.on("connection", (socket) => {
    if (socket.handshake.auth.room) socket.join(socket.handshake.auth.room);
    if (socket.handshake.auth.name) socket.data.name = socket.handshake.auth.name;
    socket.emit("welcome"); // tells the client that it is in its room
  });

  // a socket.io-client reporting every event it receives; resolves once the server said "welcome"
  const clients = new Map();
  const openClient = (name, url, opts) => new Promise((resolve, reject) => {
    const client = connect(url, opts);
    clients.set(name, client);
    client.onAny((ev, ...args) => {
      const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
      if (ev === "welcome") return resolve(client);
      out({ kind: "client-event", client: name, ev, args: args.map(plain) });
      if (ack) ack(name + "-ack");
    });
    client.on("connect_error", reject);
  });
  io.on("ping-from-java", (...args) => {
    const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
    out({ kind: "server-side", args });
    if (ack) ack("node-answer");
  });

  await new Promise((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const client = await openClient("node", `http://127.0.0.1:${httpServer.address().port}`, {
    transports: ["websocket"],
    auth: { room: "r", name: "nodeclient" },
  });
  // wait until this node's adapter is subscribed (it counts itself)
  const nodes = Number(process.env.NODES || "1");
  while ((await io.of("/").adapter.serverCount()) < nodes) {
    await new Promise((r) => setTimeout(r, 20));
  }
  // sharded, dynamic mode: room "r" has a channel of its own, subscribed asynchronously when the room was created
  while (sharded && (await pub.sendCommand(["PUBSUB", "SHARDNUMSUB", `${key}#/#r#`]))[1] < 1) {
    await new Promise((r) => setTimeout(r, 20));
  }

  const rl = readline.createInterface({ input: process.stdin });
  rl.on("line", async (line) => {
    const c = JSON.parse(line);
    try {
      switch (c.cmd) {
        case "connect": {
          const opts = { auth: c.auth, reconnection: false };
          if (c.transports) opts.transports = c.transports;
          const s = await openClient(c.name, c.url, opts);
          out({ kind: "connected", name: c.name, id: s.id, transport: s.io.engine.transport.name });
          break;
        }
        case "emit":
          io.to(c.room).emit(c.event, ...c.args);
          break;
        case "emitBinary":
          io.emit("bin", Buffer.from([1, 2, 3]));
          break;
        case "emitter":
          emitter.to(c.room).emit(c.event, ...c.args);
          break;
        case "emitterJoin":
          emitter.in(c.room).socketsJoin(c.join);
          break;
        case "socketsJoin":
          io.in(c.room).socketsJoin(c.join);
          break;
        case "disconnect":
          io.in(c.room).disconnectSockets(true);
          break;
        case "fetch": {
          const sockets = await io.in(c.room).fetchSockets();
          out({ kind: "fetch", sockets: sockets.map((s) => ({ id: s.id, rooms: [...s.rooms], data: s.data,
            auth: s.handshake.auth })) });
          break;
        }
        case "allRooms":
          out({ kind: "allRooms", rooms: [...(await io.of("/").adapter.allRooms())] });
          break;
        case "serverCount":
          out({ kind: "serverCount", count: await io.of("/").adapter.serverCount() });
          break;
        case "serverSideEmit":
          io.serverSideEmit(c.event, ...c.args);
          break;
        case "serverSideEmitWithAck":
          out({ kind: "serverSideAcks", responses: await io.serverSideEmitWithAck(c.event, ...c.args) });
          break;
        case "emitWithAck":
          out({ kind: "acks", responses: await io.timeout(3000).emitWithAck(c.event, ...c.args) });
          break;
        case "exit":
          clients.forEach((s) => s.close());
          io.close();
          await Promise.all([pub.quit(), sub.quit(), emitterClient.quit()]).catch(() => {});
          process.exit(0);
      }
    } catch (e) {
      out({ kind: "error", cmd: c.cmd, message: String(e && e.message) });
    }
  });
  out({ kind: "ready", clientId: client.id });
}

main().catch((e) => {
  out({ kind: "fatal", message: String(e && e.stack) });
  process.exit(1);
});
