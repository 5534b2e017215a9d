// Two Firefox pages (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core, which downloads no browser)
// chat through the sample WAR at argv[2] over argv[3]: polling, websocket or upgrade (polling first, then WebSocket).
// Prints "OK <transport the pages ended on>"; any failure exits 1 with the reason.
import puppeteer from "puppeteer-core";

const [url, mode] = process.argv.slice(2);
const firefox = process.env.SIO4J_FIREFOX || "/usr/bin/firefox-esr";
const expected = mode === "polling" ? "polling" : "websocket";
const query = mode === "upgrade" ? "" : "?transports=" + mode;
const timeout = 20000;

const browser = await puppeteer.launch({ browser: "firefox", executablePath: firefox, headless: true,
  protocol: "webDriverBiDi" });
const fail = async (why) => {
  console.error("FAIL " + why);
  await browser.close().catch(() => {});
  process.exit(1);
};
setTimeout(() => fail("timed out"), 60000).unref();

async function join(name, room) {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeout);
  await page.goto(new URL(query, url).href);
  await page.type("#nickname", name);
  await page.$eval("#room", (el, r) => { el.value = r; }, room);
  await page.click("#join");
  await page.waitForSelector("#status[data-state=online][data-transport=" + expected + "]");
  return page;
}

async function online(page, names) {
  await page.waitForFunction((want) => [...document.querySelectorAll("#online li")].map((li) => li.textContent)
    .join(",") === want, {}, names.join(","));
}

try {
  const room = "firefox-" + mode;
  const alice = await join("Alice", room);
  const bob = await join("Bob", room);
  await online(alice, ["Alice", "Bob"]);
  await online(bob, ["Alice", "Bob"]);

  await alice.type("#text", "Hi Bob, from Firefox");
  await alice.click("#send");
  // the sender sees the server's ack: the tick and the time it returned
  await alice.waitForFunction(() => [...document.querySelectorAll("#messages li.mine")].some((li) =>
    li.textContent.includes("Hi Bob, from Firefox") && li.querySelector(".tick")?.textContent === "✓"
    && /^\d{4}-.*Z$/.test(li.querySelector("time.acked")?.dateTime || "")));
  await bob.waitForFunction(() => [...document.querySelectorAll("#messages li:not(.mine):not(.system)")].some((li) =>
    li.querySelector(".from")?.textContent === "Alice" && li.querySelector(".text")?.textContent === "Hi Bob, from Firefox"));

  await bob.type("#text", "Hello Alice!");
  await bob.click("#send");
  await alice.waitForFunction(() => [...document.querySelectorAll("#messages li:not(.mine):not(.system)")].some((li) =>
    li.querySelector(".text")?.textContent === "Hello Alice!"));

  const transports = await Promise.all([alice, bob].map((p) => p.$eval("#status", (s) => s.dataset.transport)));
  // upgrade: the session really began on long-polling (the page's resource timings hold its polling requests)
  const polled = await alice.evaluate(() => performance.getEntriesByType("resource")
    .some((e) => e.name.includes("transport=polling")));
  if (polled !== (mode !== "websocket")) await fail("polling requests seen: " + polled + " in mode " + mode);
  const agent = await alice.evaluate(() => navigator.userAgent);
  if (!agent.includes("Firefox/")) await fail("not Firefox: " + agent);
  await bob.close();
  // a closed WebSocket is seen at once; a long-polling page that vanishes only after the heartbeat (README, "Known
  // limits"), so over polling this is not waited for
  if (expected === "websocket") await online(alice, ["Alice"]);
  await browser.close();
  console.log("OK " + [...new Set(transports)].join(",") + " " + agent);
} catch (e) {
  await fail(e && e.stack || String(e));
}
