package dev.sio4j.it.containers;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A container running as a separate process (a JVM, or a script that starts one): output into a log file, a wait for
 * the application URL to answer 200, and a stop that also ends the process's descendants (a wrapper script's JVM
 * must never be orphaned).
 *
 * <p>Not thread safe: owned by one fixture.
 */
final class ContainerProcess implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.it");
  private static final Duration POLL = Duration.ofMillis(100);

  private final String name;
  private final Process process;
  private final Path log;

  private ContainerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code workDir} with extra environment variables; stdout and stderr go to {@code log}. */
  static ContainerProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    LOG.log(Level.INFO, () -> "starting " + name + ": " + String.join(" ", command));
    return new ContainerProcess(name, pb.start(), log);
  }

  /**
   * Waits until {@code url} answers 200 (not just until the port is open: some containers open it before the
   * application is deployed). Fails early if the process exits or {@code deploymentFailure} reports a reason.
   *
   * @param deploymentFailure returns why the deployment failed (read from the container's files), or {@code null}
   * @return how long the wait took
   */
  Duration awaitOk(URI url, Duration timeout, java.util.function.Supplier<String> deploymentFailure)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    int lastStatus = -1;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before " + url
            + " answered; log " + log + ":\n" + tail());
      }
      String failure = deploymentFailure.get();
      if (failure != null) {
        throw new IllegalStateException(name + ": deployment failed: " + failure + "; log " + log + ":\n" + tail());
      }
      try {
        lastStatus = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (lastStatus == 200) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException e) {
        // not listening yet
      }
      // An external process gives no event to wait on: poll its URL.
      process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException(name + ": " + url + " did not answer 200 within " + timeout + " (last status "
        + lastStatus + "); log " + log + ":\n" + tail());
  }

  /** Stops the process and all its descendants: SIGTERM first, then after a grace period SIGKILL. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> family = process.descendants().toList();
    process.destroy();
    family.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      LOG.log(Level.WARNING, name + " did not stop on SIGTERM; killing it");
      process.destroyForcibly();
    }
    for (ProcessHandle p : family) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        p.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        p.destroyForcibly();
      }
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  /** The last lines of the log, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** The log file. */
  Path log() {
    return log;
  }

  /** The first line of {@code file} containing one of {@code markers}, or {@code null} (also when unreadable). */
  static String lineWith(Path file, String... markers) {
    try {
      if (!Files.exists(file)) {
        return null;
      }
      for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
        for (String m : markers) {
          if (line.contains(m)) {
            return line;
          }
        }
      }
    } catch (IOException e) {
      // being written: look again at the next poll
    }
    return null;
  }
}
