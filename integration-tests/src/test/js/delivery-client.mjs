// Usage: node delivery-client.mjs <origin> <websocket|polling> <throw|history|stall|probe> [count|ms]
// Against dev.sio4j.it.delivery.DeliveryServer with the official client on one transport:
//   throw:   makes the server's handler throw each kind of failure, then checks that the connection still answers;
//   history: asks for <count> "h" events emitted inside one server handler and checks they all arrive, in order;
//   stall:   while this client's "slow" handler blocks its server thread (until released), a second client must get
//            an answer to its own "ping", after the "tick" that handler broadcast; then it releases the handler;
//   probe:   the latency seen by a second client while the "slow" handler works for <ms>: when the "tick" arrives,
//            and the round trips of pings sent every 10 ms (a measurement, nothing asserted).
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

  // Several rounds: a ping the server handles at the very moment of the broadcast used to carry the tick along.
  async stall() {
    const b = await second();
    let pong;
    let done;
    for (let round = 0; round < 5; round++) {
      let ticked = false;
      b.once("tick", () => (ticked = true));
      const slow = socket.timeout(40000).emitWithAck("slow", 30000);
      // ping until the tick came (each ping must be answered, within 5 s, while the slow handler still runs)
      const until = Date.now() + 20000;
      while (!ticked) {
        if (Date.now() > until) fail(`round ${round}: no tick while the slow handler runs`);
        pong = await within(5000, b.timeout(5000).emitWithAck("ping"), `round ${round}: answer to a ping while the slow handler runs`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      b.emit("release");
      done = await slow;
    }
    b.disconnect();
    return { pong, done };
  },

  async probe() {
    const hold = Number(countArg);
    const b = await second();
    const t0 = performance.now();
    const tick = new Promise((resolve) => b.once("tick", () => resolve(performance.now() - t0)));
    let done = false;
    const slow = socket.timeout(hold + 30000).emitWithAck("slow", hold).then(() => (done = true));
    const rtts = [];
    while (!done) {
      const start = performance.now();
      await b.timeout(hold + 30000).emitWithAck("ping");
      rtts.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await slow;
    b.disconnect();
    rtts.sort((x, y) => x - y);
    const ms = (v) => Math.round(v * 10) / 10;
    return { holdMs: hold, tickMs: ms(await tick), pings: rtts.length, p50Ms: ms(rtts[rtts.length >> 1]), maxMs: ms(rtts[rtts.length - 1]) };
  },
};

async function second() {
  const b = io(origin, { ...options, reconnection: false, forceNew: true });
  await new Promise((resolve) => b.once("connect", resolve));
  return b;
}

function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("no " + what)), ms)));
  return Promise.race([promise, timeout])
    .catch((e) => fail(e.message))
    .finally(() => clearTimeout(timer));
}

const result = await scenarios[scenario]();
finished = true;
console.log(JSON.stringify({ id, ...result }));
socket.disconnect();
