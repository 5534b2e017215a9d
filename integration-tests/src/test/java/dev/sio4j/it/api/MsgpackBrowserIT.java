package dev.sio4j.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import dev.sio4j.it.containers.HeadlessChromium;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page in headless Chromium loads the official browser bundle with the msgpack parser built in,
 * {@code /msgpack/socket.io.msgpack.min.js} (served by sio4j from {@code sio4j-client-dist}), and talks to ApiApp's
 * msgpack server: an echo with a string, an {@code ArrayBuffer} (msgpack {@code bin}; the browser build of notepack.io
 * writes a typed array as a plain object, so pages send its {@code .buffer}) and a float comes back through the ack as
 * an {@code ArrayBuffer}, and a middleware's refusal arrives as {@code connect_error} with its data.
 */
class MsgpackBrowserIT {

  /** Runs in the page (same origin as the server): loads the bundle, connects, reports one JSON string. */
  private static final String SCRIPT = """
      const [transport, done] = arguments;
      const fail = (why) => done(JSON.stringify({ error: String(why) }));
      const bytes = (v) => v instanceof ArrayBuffer ? [...new Uint8Array(v)]
        : ArrayBuffer.isView(v) ? [...new Uint8Array(v.buffer, v.byteOffset, v.byteLength)] : { notBinary: typeof v };
      const script = document.createElement("script");
      script.src = "/msgpack/socket.io.msgpack.min.js";
      script.onerror = () => fail("the bundle did not load");
      script.onload = () => {
        const options = { path: "/msgpack/", transports: [transport], upgrade: false, forceNew: true,
          reconnection: false };
        const socket = io("/", options);
        socket.on("connect_error", (e) => fail("connect_error " + e.message));
        socket.once("welcome", (welcome) => {
          socket.timeout(10000).emit("echo", "héllo", new Uint8Array([1, 2, 250]).buffer, { n: 1.5 }, (err, ...echo) => {
            if (err) return fail(err);
            const refused = io("/guarded", { ...options, auth: { token: "wrong" } });
            refused.on("connect_error", (e) => {
              done(JSON.stringify({ welcomeNsp: welcome.nsp, text: echo[0], bin: bytes(echo[1]), obj: echo[2],
                refusal: { message: e.message, data: e.data }, transport: socket.io.engine.transport.name }));
              refused.close();
              socket.close();
            });
          });
        });
      };
      document.head.appendChild(script);
      """;

  /** A JSON object, compared whatever its key order. */
  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"JETTY,websocket", "JETTY,polling", "TOMCAT,websocket", "TOMCAT,polling"})
  void theMsgpackBrowserBundleTalksToTheMsgpackParser(Container c, String transport) throws Exception {
    assertTrue(HeadlessChromium.available(), HeadlessChromium::missing);
    try (HeadlessChromium chromium = HeadlessChromium.start("msgpack-" + c + "-" + transport)) {
      ChromeDriver driver = chromium.driver();
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      // the bundle itself as the page: same origin as the server
      driver.get(ApiServers.baseUrl(c) + "/msgpack/socket.io.msgpack.min.js");
      String result = (String) driver.executeAsyncScript(SCRIPT, transport);
      assertEquals(json("{\"welcomeNsp\":\"/\",\"text\":\"héllo\",\"bin\":[1,2,250],\"obj\":{\"n\":1.5},"
          + "\"refusal\":{\"message\":\"not authorized\",\"data\":{\"code\":4001,\"reason\":\"bad token\"}},"
          + "\"transport\":\"" + transport + "\"}"), json(result), result);
    }
  }
}
