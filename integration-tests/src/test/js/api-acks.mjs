// Acknowledgements both ways, their timeouts on both sides, broadcast acks (one answer per client, the timeout error
// with partial answers), binary in both directions and nested, onAny / onAnyOutgoing.
// Usage: node api-acks.mjs <base-url> <websocket|polling>
import { command, connected, next, run, unique, WAIT } from "./api-common.mjs";

/** All ack arguments of a client emit (emitWithAck keeps only the first). */
const ackArgs = (socket, ms, event, ...args) =>
  new Promise((resolve, reject) =>
    socket.timeout(ms).emit(event, ...args, (err, ...answer) => (err ? reject(err) : resolve(answer))),
  );

await run({
  async clientAsksServerAcks() {
    const a = await connected();
    const answer = await ackArgs(a, WAIT, "echo", 1, "two", { three: [3, null] }, true);
    return { answer };
  },

  async serverAsksClientAcks() {
    const a = await connected();
    a.on("question", (x, y, ack) => ack(x + y, "sum"));
    const withTimeout = await command(a, "server-ack", { event: "question", args: [2, 3], timeoutMs: WAIT });
    const withoutTimeout = await command(a, "server-ack", { event: "question", args: [4, 5] });
    return { withTimeout, withoutTimeout };
  },

  async clientTimeoutWhenServerNeverAcks() {
    const a = await connected();
    try {
      await a.timeout(300).emitWithAck("never-ack", 1);
      return { timedOut: false };
    } catch (err) {
      return { timedOut: true, message: err.message, stillConnected: a.connected };
    }
  },

  async serverTimeoutWhenClientNeverAcks() {
    const a = await connected();
    let asked = 0;
    a.on("ignored", (ack) => asked++); // never calls ack
    const answer = await command(a, "server-ack", { event: "ignored", args: [], timeoutMs: 300 });
    return { ...answer, asked };
  },

  async broadcastAcks() {
    const room = unique("voters");
    const voters = [await connected(), await connected(), await connected()];
    const outsider = await connected();
    for (const [i, v] of voters.entries()) {
      await command(v, "join", { rooms: [room] });
      v.on("vote", (question, ack) => ack(`${question}:${i}`));
    }
    outsider.on("vote", (question, ack) => ack("outsider"));
    const all = await command(outsider, "emit", {
      base: "io", ops: [["to", room], ["timeout", WAIT]], event: "vote", args: ["q"], withAck: true });
    const fromSocket = await command(voters[0], "emit", {
      base: "socket", ops: [["to", room], ["timeout", WAIT]], event: "vote", args: ["s"], withAck: true });
    const nobody = await command(outsider, "emit", {
      base: "io", ops: [["to", unique("empty")], ["timeout", WAIT]], event: "vote", args: ["n"], withAck: true });
    return { all: all.responses.sort(), fromSocket: fromSocket.responses.sort(), nobody };
  },

  async broadcastAckTimeoutWithPartialAnswers() {
    const room = unique("voters");
    const [a, b, silent] = [await connected(), await connected(), await connected()];
    for (const s of [a, b, silent]) await command(s, "join", { rooms: [room] });
    a.on("vote", (q, ack) => ack("a"));
    b.on("vote", (q, ack) => ack("b"));
    let silentAsked = 0;
    silent.on("vote", () => silentAsked++);
    const answer = await command(a, "emit", {
      base: "nsp", ops: [["to", room], ["timeout", 500]], event: "vote", args: ["q"], withAck: true });
    return { error: answer.error, kind: answer.kind, responses: answer.responses.sort(), silentAsked };
  },

  async binary() {
    const a = await connected();
    const sent = [Buffer.from([1, 2, 3]), { nested: { deep: [Uint8Array.from([4, 5]), "text"] } }];
    const echoed = next(a, "echo");
    a.emit("echo", ...sent);
    const [top, nested] = await echoed;
    const acked = await ackArgs(a, WAIT, "echo", { bin: Buffer.from([6]) }, Buffer.from([]));
    const fromServer = next(a, "binary");
    const serverAck = await ackArgs(a, WAIT, "binary", {});
    const [serverTop, serverNested] = await fromServer;
    // a broadcast with binary to another client
    const b = await connected();
    const room = unique("bin");
    await command(b, "join", { rooms: [room] });
    const broadcasted = next(b, "bin-news");
    await command(a, "emit", { base: "io", ops: [["to", room]], event: "bin-news", args: [{ x: Buffer.from([42]) }] });
    const [news] = await broadcasted;
    return {
      echoIsBuffer: Buffer.isBuffer(top),
      echo: [top, nested],
      acked,
      serverTop,
      serverNested,
      serverAck,
      news,
      newsIsBuffer: Buffer.isBuffer(news.x),
    };
  },

  async anyListeners() {
    const a = await connected();
    const b = await connected();
    const room = unique("any");
    await command(a, "join", { rooms: [room] });
    await ackArgs(a, WAIT, "echo", 1);
    a.emit("unhandled-event", 2);
    await command(b, "emit", { base: "io", ops: [["to", room]], event: "room-news", args: [] });
    await command(a, "emit", { base: "socket", ops: [], event: "self-news", args: [] });
    const log = await command(a, "any-log");
    return log;
  },
});
