package dev.sio4j.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.sio4j.socket.SocketIoServer;
import dev.sio4j.socket.adapter.RoomListener;
import dev.sio4j.standalone.StandaloneServer;
import io.socket.client.IO;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The official Admin UI ({@code ui/dist} of npm {@code @socket.io/admin-ui} 0.5.1, served as static files on another
 * port, as admin.socket.io would be) in headless Chromium against a sio4j server: log in, the servers page shows the
 * clients count, the sockets page lists the official Java client's socket, and a room joined from its page reaches
 * that client through a broadcast to the room. Leaves {@code target/it-output/admin-ui-dashboard.png}.
 */
class AdminUiBrowserIT {

  static final Path UI = Path.of(System.getProperty("sio4j.js.dir", "src/test/js"),
      "node_modules/@socket.io/admin-ui/ui/dist");
  static final Path OUT = Path.of(System.getProperty("sio4j.it.out", "target/it-output"));

  @Test
  void theOfficialUiShowsTheServerAndJoinsARoom() throws Exception {
    SocketIoServer sio = new SocketIoServer();
    CompletableFuture<String> joined = new CompletableFuture<>();
    sio.of("/").adapter().addRoomListener(new RoomListener() {
      @Override
      public void onJoinRoom(String room, String socketId) {
        if (room.equals("ui-room")) {
          sio.to("ui-room").emit("welcome", room); // the client sees the join through the room
          joined.complete(socketId);
        }
      }
    });
    AdminUi admin = AdminUi.instrument(sio, AdminUiOptions.builder()
        .basicAuth("admin", BCrypt.hashpw("s3cret", BCrypt.gensalt(4))).serverId("browser-node").build());
    StandaloneServer server = StandaloneServer.listen(sio, 0);
    HttpServer static_ = serveUi();
    io.socket.client.Socket client = IO.socket(URI.create("http://127.0.0.1:" + server.port()),
        IO.Options.builder().setTransports(new String[] {"websocket"}).build());
    CompletableFuture<Object> welcome = new CompletableFuture<>();
    CompletableFuture<Void> connected = new CompletableFuture<>();
    client.on("welcome", a -> welcome.complete(a[0]));
    client.on(io.socket.client.Socket.EVENT_CONNECT, a -> connected.complete(null));
    client.connect();
    connected.get(10, TimeUnit.SECONDS);
    String clientSocketId = client.id();
    ChromeDriver driver = chromium();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      wait.ignoring(StaleElementReferenceException.class); // Vue re-renders the tables with each server_stats
      String ui = "http://127.0.0.1:" + static_.getAddress().getPort() + "/index.html";
      driver.get(ui);
      // the UI keeps its server settings in localStorage: WebSocket only, so no CORS is involved
      driver.executeScript("localStorage.setItem('server_url', arguments[0]); localStorage.setItem('ws_only', 'true');",
          "http://127.0.0.1:" + server.port());
      driver.navigate().refresh();
      List<WebElement> texts = wait.until(d -> {
        List<WebElement> t = d.findElements(By.cssSelector("form input[type=text]"));
        return t.size() >= 2 && t.get(1).isDisplayed() ? t : null;
      });
      texts.get(1).sendKeys("admin");
      driver.findElement(By.cssSelector("form input[type=password]")).sendKeys("s3cret", Keys.ENTER);

      // dashboard: the Clients card counts the sockets per transport (the Java client and the UI, both WebSocket)
      wait.until(d -> "2".equals(dashboardClients(d)));
      Files.createDirectories(OUT);
      Files.write(OUT.resolve("admin-ui-dashboard.png"), driver.getScreenshotAs(OutputType.BYTES));
      driver.get(ui + "#/servers/");
      String count = wait.until(AdminUiBrowserIT::serversCount);
      assertEquals(String.valueOf(sio.engine().clientsCount()), count, "clients count of browser-node");

      driver.get(ui + "#/sockets/");
      wait.until(d -> d.getPageSource().contains(clientSocketId));

      driver.get(ui + "#/n/%2F/sockets/" + clientSocketId);
      WebElement room = wait.until(d -> {
        List<WebElement> r = d.findElements(By.cssSelector(".select-room input"));
        return r.isEmpty() || !r.get(0).isDisplayed() ? null : r.get(0);
      });
      room.sendKeys("ui-room");
      room.findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
      assertEquals(clientSocketId, joined.get(20, TimeUnit.SECONDS));
      assertEquals("ui-room", welcome.get(10, TimeUnit.SECONDS));
      assertTrue(sio.of("/").sockets().get(clientSocketId).rooms().contains("ui-room"));
    } catch (RuntimeException | Error e) {
      // what the browser showed when it failed, beside the dashboard picture
      Files.createDirectories(OUT);
      Files.write(OUT.resolve("admin-ui-failure.png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(OUT.resolve("admin-ui-failure.html"), driver.getPageSource());
      throw e;
    } finally {
      driver.quit();
      client.close();
      static_.stop(0);
      admin.close();
      server.close();
    }
  }

  /** The Clients card's count of WebSocket clients (its first figure), once shown. */
  static String dashboardClients(org.openqa.selenium.WebDriver d) {
    List<WebElement> figures = d.findElements(By.cssSelector(".v-card h2"));
    return figures.isEmpty() ? null : figures.get(0).getText().trim();
  }

  /** The clients count in the servers table's row of this server, once shown. */
  static String serversCount(org.openqa.selenium.WebDriver d) {
    for (WebElement row : d.findElements(By.cssSelector("tbody tr"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      if (cells.size() >= 5 && cells.get(0).getText().equals("browser-node")) {
        return cells.get(4).getText().isBlank() ? null : cells.get(4).getText().trim();
      }
    }
    return null;
  }

  static ChromeDriver chromium() throws IOException {
    Path profile = Files.createTempDirectory(Files.createDirectories(OUT), "chromium-");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(System.getProperty("sio4j.it.chromedriver", "/usr/bin/chromedriver")).toFile())
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("sio4j.it.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1400,900", "--user-data-dir=" + profile);
    return new ChromeDriver(service, options);
  }

  /** ui/dist as static files (the JDK's own HTTP server: the sio4j runtimes serve only Socket.IO). */
  static HttpServer serveUi() throws IOException {
    Map<String, String> types = Map.of("html", "text/html", "js", "text/javascript", "css", "text/css",
        "svg", "image/svg+xml", "png", "image/png", "map", "application/json");
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", exchange -> {
      Path file = UI.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (!file.startsWith(UI) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      String name = file.getFileName().toString();
      exchange.getResponseHeaders().set("Content-Type",
          types.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
      byte[] body = Files.readAllBytes(file);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    http.start();
    return http;
  }
}
