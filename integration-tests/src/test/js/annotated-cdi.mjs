// Usage: node annotated-cdi.mjs <base-url> <polling|websocket> <injected|constructors>
// The official socket.io-client against the CDI endpoints of dev.sio4j.it.annotated.app.cdi: "/cdi" (not a bean,
// injected through Unmanaged) and "/cdi-bean" (an @ApplicationScoped bean).
// injected: both answer with the value of the same injected @ApplicationScoped Greeter.
// constructors: no CDI container; both were created by their constructors and answer "NOT INJECTED".
// Prints "OK <transport> <greeter id or constructors>" and exits 0; exits 1 on any failure.
import { io } from "socket.io-client";

const [url, mode, expect] = process.argv.slice(2);
const options = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"] },
}[mode];
if (!url || !options || !["injected", "constructors"].includes(expect)) {
  console.error("usage: node annotated-cdi.mjs <base-url> <polling|websocket> <injected|constructors>");
  process.exit(2);
}
const fail = (why) => {
  console.error("FAIL " + why);
  process.exit(1);
};
setTimeout(() => fail("timeout"), 30000).unref();

const greet = async (nsp) => {
  const socket = io(url + nsp, { ...options, forceNew: true });
  socket.on("connect_error", (err) => fail(`connect_error on ${nsp}: ${err.message}`));
  const answer = await socket.timeout(10000).emitWithAck("greet", "ann");
  socket.disconnect();
  return answer;
};
const plain = await greet("/cdi");
const bean = await greet("/cdi-bean");
if (expect === "constructors") {
  if (plain.length !== 1 || plain[0] !== "NOT INJECTED") fail(`/cdi answered ${JSON.stringify(plain)}`);
  if (bean.length !== 1 || bean[0] !== "NOT INJECTED") fail(`/cdi-bean answered ${JSON.stringify(bean)}`);
  console.log(`OK ${mode} constructors`);
  process.exit(0);
}
if (plain.length !== 2 || plain[0] !== "hello ann") fail(`/cdi answered ${JSON.stringify(plain)}`);
if (bean.length !== 2 || bean[0] !== "hello ann") fail(`/cdi-bean answered ${JSON.stringify(bean)}`);
if (plain[1] !== bean[1]) fail(`two Greeter instances: ${plain[1]} and ${bean[1]}`);
console.log(`OK ${mode} ${plain[1]}`);
process.exit(0);
