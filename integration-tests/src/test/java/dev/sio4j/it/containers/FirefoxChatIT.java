package dev.sio4j.it.containers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.NodeScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample chat WAR (embedded Jetty 12) in Firefox: two pages of Debian's firefox-esr, driven over WebDriver BiDi by
 * puppeteer-core (src/test/js/chat-firefox.mjs; it downloads no browser), join a room, see each other online, chat and
 * see the server's ack time, over polling only, WebSocket only, and polling upgraded to WebSocket. Chromium is
 * {@link ChatInContainerTests#browsersChat}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirefoxChatIT {

  static final Path FIREFOX = Path.of(System.getProperty("sio4j.it.firefox", "/usr/bin/firefox-esr"));
  private DeployedApp app;

  @BeforeAll
  void start() throws Exception {
    app = JettyWebApp.start(War.SAMPLE);
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void firefoxPagesChat(String mode) throws Exception {
    assertTrue(Files.isExecutable(FIREFOX), "no " + FIREFOX + ": apt-get install -y firefox-esr");
    String out = NodeScript.run(Duration.ofSeconds(90), "chat-firefox-" + mode, "chat-firefox.mjs",
        app.url().toString(), mode);
    assertTrue(out.contains("OK " + (mode.equals("polling") ? "polling" : "websocket") + " "), out);
    assertTrue(out.contains("Firefox/"), out);
  }
}
