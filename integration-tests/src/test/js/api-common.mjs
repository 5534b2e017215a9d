// Shared helpers of the api-*.mjs scripts: connecting the official socket.io-client to the ApiApp server, sending
// its commands, waiting for events with timeouts, and running named scenarios that each yield a JSON result.
// Usage of a script: node api-<area>.mjs <base-url> <websocket|polling> [json|msgpack]
// With msgpack the client uses socket.io-msgpack-parser and the ApiApp servers that use the msgpack parser
// (/socket.io/ becomes /msgpack/, /recovery/ becomes /msgpack-recovery/).
// Prints "RESULT {<scenario>: <result or {scenarioFailed}>...}" and exits 0 (a failed scenario is reported in its result).
import { io } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";

export const [baseUrl, transport, parser = "json"] = process.argv.slice(2);
if (!baseUrl || !["websocket", "polling"].includes(transport) || !["json", "msgpack"].includes(parser)) {
  console.error("usage: node api-<area>.mjs <base-url> <websocket|polling> [json|msgpack]");
  process.exit(2);
}
const transportOptions =
  transport === "polling" ? { transports: ["polling"], upgrade: false } : { transports: ["websocket"] };
const MSGPACK_PATHS = { "/socket.io/": "/msgpack/", "/recovery/": "/msgpack-recovery/" };
const parserOptions = parser === "msgpack" ? { parser: msgpackParser } : {};
/** The server path for this parser: the msgpack twin of a JSON server's path. */
const serverPath = (path) => (parser === "msgpack" ? MSGPACK_PATHS[path] ?? path : path);

export const WAIT = 15000;
let counter = 0;
/** A name unique to this run (rooms, tokens), so scenarios never see each other's traffic. */
export const unique = (prefix) => `${prefix}-${process.pid}-${++counter}`;

const opened = [];
/** Closes this socket when the scenario ends (sockets made by client() / connected() are tracked already). */
export const track = (socket) => (opened.push(socket), socket);

/** A new connection (own Manager) to nsp on the /socket.io/ server unless told otherwise; not yet connected. */
export function client(nsp = "/", options = {}) {
  const { path = "/socket.io/", ...rest } = options;
  const socket = io(baseUrl + nsp, {
    ...transportOptions, ...parserOptions, forceNew: true, reconnection: false, path: serverPath(path), ...rest });
  opened.push(socket);
  return socket;
}

/** Resolves with the args of the next `event`, rejects after ms. */
export function next(emitter, event, ms = WAIT) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    emitter.once(event, (...args) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

/** Connects a client and waits for the server's welcome (sent once its connection listeners ran). */
export async function connected(nsp = "/", options = {}) {
  const socket = client(nsp, options);
  const welcome = next(socket, "welcome");
  const refused = next(socket, "connect_error").then(([err]) => {
    throw new Error(`connect_error on ${nsp}: ${err.message}`);
  });
  const [info] = await Promise.race([welcome, refused]);
  refused.catch(() => {});
  return Object.assign(socket, { welcome: info });
}

/** Sends a command to the server and resolves with its (first) answer. */
export async function command(socket, name, cmd = {}) {
  let answer;
  try {
    answer = await socket.timeout(WAIT).emitWithAck(name, cmd);
  } catch (e) {
    throw new Error(`command ${name} ${JSON.stringify(cmd)}: ${e.message}`);
  }
  if (answer && typeof answer === "object" && !Array.isArray(answer) && typeof answer.error === "string" && !answer.kind) {
    throw new Error(`command ${name} failed: ${answer.error}`);
  }
  return answer;
}

/** Collects the args of every `event` on each socket into a list per socket. */
export function collect(sockets, event, filter = () => true) {
  return sockets.map((s) => {
    const got = [];
    s.on(event, (...args) => filter(...args) && got.push(args));
    return got;
  });
}

/** Waits until fn() is true, polling (for client-side state only). */
export async function until(fn, what, ms = WAIT) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Emits on `from` an "emit" command, then a barrier: a round trip through every receiver in `barrier`. */
export async function emitVia(from, cmd, barrier = []) {
  const answer = await command(from, "emit", cmd);
  // the server writes each receiver's events before answering that receiver's own later command
  await Promise.all(barrier.map((s) => command(s, "state")));
  return answer;
}

/** JSON-friendly form of a value that may hold Buffers / ArrayBuffers. */
export function plain(value) {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { bin: [...value] };
  if (value instanceof ArrayBuffer) return { bin: [...new Uint8Array(value)] };
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Runs the scenarios one after the other and prints the RESULT line. */
export async function run(scenarios) {
  const results = {};
  for (const [name, scenario] of Object.entries(scenarios)) {
    if (process.env.API_ONLY && process.env.API_ONLY !== name) continue; // for debugging one scenario
    try {
      results[name] = plain((await scenario()) ?? {});
    } catch (e) {
      results[name] = { scenarioFailed: String(e && e.stack ? e.stack : e) };
    } finally {
      while (opened.length) opened.pop().disconnect();
    }
  }
  console.log("RESULT " + JSON.stringify(results));
  process.exit(0);
}
