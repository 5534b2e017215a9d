// Usage: node delivery-client.mjs <origin> <websocket|polling> <throw|history> [count]
// Against dev.sio4j.it.delivery.DeliveryServer with the official client on one transport:
//   throw:   makes the server's handler throw each kind of failure, then checks that the connection still answers;
//   history: asks for <count> "h" events emitted inside one server handler and checks they all arrive, in order.
// Prints one JSON line ({"id": <socket id>, ...}) and disconnects; exits 1 on the first problem.
import { io } from "socket.io-client";

const [origin, transport, scenario, countArg] = process.argv.slice(2);
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 50000).unref();
const options = transport === "polling" ? { transports: ["polling"], upgrade: false } : { transports: ["websocket"] };
const socket = io(origin, { ...options, reconnection: false });
socket.on("connect_error", (err) => fail("connect_error " + err.message));
socket.on("disconnect", (reason) => {
  if (!finished) fail("disconnected: " + reason);
});
let finished = false;
await new Promise((resolve) => socket.once("connect", resolve));
const id = socket.id;

const scenarios = {
  async throw() {
    const answers = [];
    for (const kind of ["error", "sneaky", "runtime"]) {
      socket.emit("throw", kind);
      answers.push(await socket.timeout(10000).emitWithAck("ping"));
    }
    return { answers };
  },

  async history() {
    const count = Number(countArg);
    let next = 0;
    const all = new Promise((resolve) => {
      socket.on("h", (n) => {
        if (n !== next) fail(`got h ${n}, expected ${next}`);
        if (++next === count) resolve();
      });
    });
    const acked = await socket.timeout(40000).emitWithAck("history", count);
    await all;
    return { received: next, acked, after: await socket.timeout(10000).emitWithAck("ping") };
  },
};

const result = await scenarios[scenario]();
finished = true;
console.log(JSON.stringify({ id, ...result }));
socket.disconnect();
