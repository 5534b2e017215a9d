// Connection state recovery under churn: the server streams numbers to a room (about one every 0.3 ms, from an
// application thread); the client in that room closes its transport every 40-100 ms (socket.io.engine.close()),
// reconnects and recovers, ROUNDS times, then stops the stream. Every number must arrive exactly once and in order.
// Scenarios: the in-memory adapter (/recovery/) and an adapter whose restoreSession completes on another thread
// (/recovery-async/). "polling" here means polling upgraded to WebSocket on every reconnection.
// Usage: node api-recovery-churn.mjs <base-url> <websocket|polling>
import { command, connected, next, run, transport, unique } from "./api-common.mjs";

const ROUNDS = Number(process.env.CHURN_ROUNDS || 160);
const upgrade = transport === "polling" ? { transports: ["polling", "websocket"], upgrade: true } : {};
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function churn(path) {
  const room = unique("churn");
  const a = await connected("/", { path, ...upgrade });
  await command(a, "join", { rooms: [room] });
  const received = [];
  a.on("seq", (n) => received.push(n));
  let recoveries = 0;
  let notRecovered = 0;
  let upgradedBeforeDrop = 0;
  await command(a, "stream", { room, action: "start" });
  for (let i = 0; i < ROUNDS; i++) {
    await pause(40 + Math.random() * 60); // the churn's rhythm, not a synchronisation
    if (a.io.engine.transport.name === "websocket") upgradedBeforeDrop++;
    const gone = next(a, "disconnect");
    a.io.engine.close();
    await gone;
    const back = next(a, "connect");
    a.connect();
    await back;
    if (a.recovered) recoveries++;
    else notRecovered++;
  }
  // the numbers up to `last` were written to this connection before the answer to this command
  const { last } = await command(a, "stream", { room, action: "stop" });
  const seen = new Set();
  let duplicated = 0;
  let reordered = 0;
  let max = -1;
  for (const n of received) {
    if (seen.has(n)) duplicated++;
    else {
      seen.add(n);
      if (n < max) reordered++;
    }
    max = Math.max(max, n);
  }
  let lost = 0;
  for (let n = 0; n <= last; n++) if (!seen.has(n)) lost++;
  console.log(`${path} ${transport}: last ${last}, received ${received.length}, lost ${lost}, duplicated ` +
    `${duplicated}, reordered ${reordered}, recoveries ${recoveries}, not recovered ${notRecovered}, ` +
    `on websocket before the drop ${upgradedBeforeDrop}`);
  return { last, lost, duplicated, reordered, recoveries, notRecovered, upgradedBeforeDrop };
}

await run({
  inMemoryAdapter: () => churn("/recovery/"),
  asyncRestoreAdapter: () => churn("/recovery-async/"),
});
