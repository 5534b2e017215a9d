package dev.sio4j.redis;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The Node.js peer ({@code src/test/js/peer.js}, run from the {@code npm ci}-ed copy in {@code target/js}): a
 * socket.io server node with {@code @socket.io/redis-adapter}, a client on it, and a redis-emitter. Commands go as
 * JSON lines to its stdin; its reports come back as JSON lines. Thread safe.
 */
final class NodePeer implements AutoCloseable {

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<JsonObject> reports = new LinkedBlockingQueue<>();
  /** Reports read while waiting for another one, kept for later calls. */
  private final List<JsonObject> backlog = new ArrayList<>();
  final String clientId;

  NodePeer(String redisUri, String key) throws IOException {
    this(redisUri, key, 1);
  }

  /** Starts the peer and waits until {@code nodes} server nodes (it included) serve the main namespace. */
  NodePeer(String redisUri, String key, int nodes) throws IOException {
    this(redisUri, key, nodes, false);
  }

  /** As {@link #NodePeer(String, String, int)}; with {@code sharded}, Node's {@code createShardedAdapter}. */
  NodePeer(String redisUri, String key, int nodes, boolean sharded) throws IOException {
    Path dir = Path.of(System.getProperty("sio4j.js.dir", "target/js"));
    if (!Files.isDirectory(dir.resolve("node_modules/@socket.io/redis-adapter"))) {
      fail("the Node.js peer is not installed in " + dir.toAbsolutePath()
          + ": run the build through Maven (it runs `npm ci` there; needs node and npm on the PATH)");
    }
    ProcessBuilder pb = new ProcessBuilder("node", "peer.js").directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("REDIS_URL", redisUri);
    pb.environment().put("KEY", key);
    pb.environment().put("NODES", String.valueOf(nodes));
    if (sharded) {
      pb.environment().put("SHARDED", "1");
    }
    process = pb.start();
    stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          try (var jr = Json.createReader(new java.io.StringReader(line))) {
            reports.add(jr.readObject());
          } catch (RuntimeException e) {
            System.err.println("peer: " + line);
          }
        }
      } catch (IOException e) {
        // process gone
      }
    }, "node-peer-stdout");
    reader.setDaemon(true);
    reader.start();
    JsonObject ready = next("ready");
    clientId = ready.getString("clientId");
  }

  /** Sends a command (a JSON object text). */
  void send(String json) {
    try {
      stdin.write(json + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new AssertionError("Node peer gone", e);
    }
  }

  /** The next report of {@code kind} (others stay for later calls), waiting up to 20 s. */
  JsonObject next(String kind) {
    return next(o -> kind.equals(o.getString("kind", "")), kind);
  }

  synchronized JsonObject next(Predicate<JsonObject> p, String what) {
    for (var it = backlog.iterator(); it.hasNext(); ) {
      JsonObject o = it.next();
      if (p.test(o)) {
        it.remove();
        return o;
      }
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try {
      while (System.nanoTime() < end) {
        JsonObject o = reports.poll(1, TimeUnit.SECONDS);
        if (o != null && ("fatal".equals(o.getString("kind", "")) || "error".equals(o.getString("kind", "")))) {
          throw new AssertionError("Node peer: " + o);
        }
        if (o != null && p.test(o)) {
          return o;
        }
        if (o != null) {
          backlog.add(o);
        }
        if (o == null && !process.isAlive()) {
          throw new AssertionError("Node peer exited with " + process.exitValue());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no report from the Node peer: " + what);
  }

  /** The next event that client (a name given to {@link #connect}; {@code node} for its own) received. */
  JsonObject clientEvent(String client, String event) {
    return next(o -> "client-event".equals(o.getString("kind", "")) && client.equals(o.getString("client", ""))
        && event.equals(o.getString("ev")), client + " event " + event);
  }

  /**
   * Connects a socket.io-client named {@code name} to {@code url} with that auth (JSON object text) and, when not
   * {@code null}, those transports (a JSON array text); returns the socket id once the server said {@code welcome}.
   */
  String connect(String name, String url, String authJson, String transportsJson) {
    send("{\"cmd\":\"connect\",\"name\":\"" + name + "\",\"url\":\"" + url + "\",\"auth\":" + authJson
        + (transportsJson == null ? "" : ",\"transports\":" + transportsJson) + "}");
    return next(o -> "connected".equals(o.getString("kind", "")) && name.equals(o.getString("name")), "connect "
        + name).getString("id");
  }

  /** The next event its own client received with that name. */
  JsonObject clientEvent(String event) {
    return next(o -> "client-event".equals(o.getString("kind", "")) && event.equals(o.getString("ev")),
        "client event " + event);
  }

  @Override
  public void close() {
    try {
      send("{\"cmd\":\"exit\"}");
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (AssertionError | InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
