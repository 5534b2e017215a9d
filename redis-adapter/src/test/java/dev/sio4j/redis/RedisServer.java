package dev.sio4j.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} on a free port of 127.0.0.1, without persistence, for the tests. Fails with the
 * install command when the binary is missing. Thread safe.
 */
final class RedisServer implements AutoCloseable {

  static final String INSTALL_HINT = "redis-server is required by the redis-adapter tests: apt-get update && "
      + "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server";

  private final int port;
  private Process process;

  private RedisServer(int port) {
    this.port = port;
  }

  /** Starts a server and waits until it accepts connections. */
  static RedisServer start() {
    RedisServer s = new RedisServer(freePort());
    s.launch();
    return s;
  }

  private static String binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, "redis-server");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    for (String p : new String[] {"/usr/bin/redis-server", "/usr/local/bin/redis-server"}) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    throw new AssertionError(INSTALL_HINT);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** (Re)starts the process on the same port. */
  void launch() {
    try {
      process = new ProcessBuilder(binary(), "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
          "--appendonly", "no", "--protected-mode", "no").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(INSTALL_HINT + " (" + e + ")", e);
    }
    CompletableFuture<Void> ready = new CompletableFuture<>();
    StringBuilder log = new StringBuilder();
    Process p = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (!ready.isDone()) {
            log.append(line).append('\n');
          }
          if (line.contains("Ready to accept connections")) {
            ready.complete(null);
          }
        }
      } catch (IOException e) {
        // process gone
      }
      ready.completeExceptionally(new AssertionError("redis-server exited:\n" + log));
    }, "redis-server-log");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new AssertionError("redis-server did not start on port " + port + ": " + e + "\n" + log, e);
    }
  }

  int port() {
    return port;
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the process and waits for it. */
  void stop() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroy();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
