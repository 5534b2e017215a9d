// Dynamic namespaces (regex and predicate), a parent namespace's emit reaching its children, namespace middleware
// errors with data reaching connect_error, socket middleware (socket.use) refusing a packet, an empty dynamic child
// removed (cleanupEmptyChildNamespaces).
// Usage: node api-namespaces.mjs <base-url> <websocket|polling>
import { client, command, collect, connected, next, run, unique } from "./api-common.mjs";

/** The connect_error of a refused connection, as { message, data }. */
async function refused(nsp, options = {}) {
  const socket = client(nsp, options);
  const connectedFirst = next(socket, "connect").then(() => ({ connected: true }));
  const error = next(socket, "connect_error").then(([err]) => ({ message: err.message, data: err.data ?? null }));
  const result = await Promise.race([connectedFirst, error]);
  connectedFirst.catch(() => {});
  error.catch(() => {});
  return result;
}

await run({
  async regexNamespace() {
    const a = await connected("/dyn-42");
    return { welcome: a.welcome.nsp, state: (await command(a, "state")).nsp, refused: await refused("/dyn-x") };
  },

  // The /socket.io/ server runs with cleanupEmptyChildNamespaces: a dynamic child stays while a socket is in it and
  // goes away with its last one (the same name then makes a new namespace).
  async emptyChildIsRemoved() {
    const name = `/dyn-${process.pid}${Date.now() % 100000}`;
    const main = await connected("/");
    const [a, b] = [await connected(name), await connected(name)];
    const instance = async () => command(main, "nsp-instance", { name });
    const leave = async (socket) => {
      const id = socket.id;
      socket.disconnect();
      await command(main, "await-disconnect", { id });
    };
    const first = await instance();
    await leave(a);
    const withOneLeft = await instance();
    await leave(b);
    const whenEmpty = await instance();
    return { keptWhileOneLeft: withOneLeft === first, replacedWhenEmpty: whenEmpty !== first };
  },

  async predicateNamespace() {
    const a = await connected("/pred-a", { auth: { allow: true } });
    return { welcome: a.welcome.nsp, refused: await refused("/pred-b", { auth: { allow: false } }) };
  },

  async parentEmitReachesChildren() {
    const token = unique("t");
    const room = unique("r");
    const [d1, d2, p1] = [
      await connected("/dyn-1"),
      await connected("/dyn-2"),
      await connected("/pred-1", { auth: { allow: true } }),
    ];
    await command(d2, "join", { rooms: [room] });
    const got = collect([d1, d2, p1], "news", (t) => t === token);
    const emit = (from, label, cmd) => command(from, "emit", { ...cmd, event: "news", args: [token, label] });
    await emit(d1, "regex parent", { base: "nsp", nsp: "regex-parent", ops: [] });
    await emit(d1, "regex parent to room", { base: "nsp", nsp: "regex-parent", ops: [["to", room]] });
    await emit(d1, "pred parent", { base: "nsp", nsp: "pred-parent", ops: [] });
    await emit(d1, "child", { base: "nsp", ops: [] });
    await Promise.all([d1, d2, p1].map((s) => command(s, "state")));
    const labels = got.map((list) => list.map((args) => args[1]));
    return { d1: labels[0], d2: labels[1], p1: labels[2] };
  },

  async namespaceMiddlewareRefuses() {
    return {
      wrongToken: await refused("/guarded", { auth: { token: "wrong" } }),
      noAuth: await refused("/guarded"),
      accepted: (await connected("/guarded", { auth: { token: "secret" } })).welcome.nsp,
    };
  },

  async socketMiddlewareRefusesAPacket() {
    const a = await connected();
    const error = next(a, "middleware-error");
    a.emit("forbidden", 1);
    const [message] = await error;
    const runs = await command(a, "forbidden-runs");
    const echo = await a.timeout(15000).emitWithAck("echo", "after");
    return { message, runs, echo, stillConnected: a.connected };
  },
});
