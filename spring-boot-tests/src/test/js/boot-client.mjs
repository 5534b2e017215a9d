// Usage: node boot-client.mjs <origin> <engine-path> <polling|websocket|upgrade>
// The official socket.io-client against the Spring Boot test application (dev.sio4j.boot.it.app): a refused
// connection (auth guard), acks computed by an injected service, rooms, a broadcast to a room from a socket and one
// from a @Service through the SocketIoServer bean, handler calls counted by an AOP proxy, Spring Security's principal
// in a connect guard; and the transport actually used. Prints "OK <mode>" and exits 0; exits 1 on any failure.
import { io } from "socket.io-client";

const [origin, path, mode] = process.argv.slice(2);
const options = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"] },
  upgrade: { transports: ["polling", "websocket"] },
}[mode];
if (!origin || !path || !options) {
  console.error("usage: node boot-client.mjs <origin> <engine-path> <polling|websocket|upgrade>");
  process.exit(2);
}
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 30000).unref();
const once = (emitter, event) => new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
const connect = (auth) => io(origin, { ...options, path, auth, forceNew: true, reconnection: false });
const connected = async (socket) => {
  const [err] = await Promise.race([once(socket, "connect").then(() => [null]), once(socket, "connect_error")]);
  if (err) fail(`connect_error: ${err.message}`);
  return socket;
};
const check = (what, actual, expected) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    fail(`${what} was ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
};
const ack = (socket, ...args) => socket.timeout(10000).emitWithAck(...args);

// The connect guard refuses a wrong token with its message.
const refused = connect({ token: "wrong", name: "eve" });
const [refusal] = await once(refused, "connect_error");
check("refusal", refusal.message, "invalid token");
refused.close();

const ann = await connected(connect({ token: "secret", name: "ann" }));
const bob = await connected(connect({ token: "secret", name: "bob" }));

check("greet ack (injected service)", await ack(ann, "greet", "Ann"), "Hello, Ann!");
check("join ann", await ack(ann, "join", "lobby"), "joined lobby");
check("join bob", await ack(bob, "join", "lobby"), "joined lobby");

// A broadcast to the room from the sender's socket reaches the others only.
ann.on("shouted", (text) => fail(`the sender got its own shout ${text}`));
const shouted = once(bob, "shouted");
ann.emit("shout", { room: "lobby", text: "hi all" });
check("shouted", await shouted, ["hi all"]);

// A broadcast through the SocketIoServer bean, from a @Service, reaches everyone in the room.
const annNews = once(ann, "announcement");
const bobNews = once(bob, "announcement");
check("announce ack", await ack(bob, "announce", { room: "lobby", text: "news" }), "announced");
check("announcement to ann", await annNews, ["news"]);
check("announcement to bob", await bobNews, ["news"]);

// The handlers ran through the AOP proxy: greet, join, join, shout, announce, audit.
const calls = await ack(ann, "audit");
if (typeof calls !== "number" || calls < 6) fail(`audit counted ${calls} proxied handler calls, expected at least 6`);

// The transport in use.
if (mode === "upgrade" && ann.io.engine.transport.name !== "websocket") {
  await once(ann.io.engine, "upgrade");
}
const expected = { polling: "polling", websocket: "websocket", upgrade: "websocket" }[mode];
check("transport", ann.io.engine.transport.name, expected);

// Spring Security: the handshake's authenticated principal reaches the guard of /secure (HTTP Basic on the
// handshake request, polling POSTs through Spring Security's CSRF filter).
const basic = (user) => ({ Authorization: "Basic " + Buffer.from(user).toString("base64") });
const secure = (headers) =>
  io(origin + "/secure", { ...options, path, extraHeaders: headers, forceNew: true, reconnection: false });
for (const [who, headers] of [["anonymous", {}], ["eve (no role CHAT)", basic("eve:eve-pw")]]) {
  const s = secure(headers);
  const [err] = await once(s, "connect_error");
  check(`refusal of ${who}`, err.message, "role CHAT required");
  s.close();
}
const annSecure = await connected(secure(basic("ann:ann-pw")));
check("whoami", await ack(annSecure, "whoami"), "ann");
annSecure.close();

ann.close();
bob.close();
console.log("OK " + mode);
process.exit(0);
