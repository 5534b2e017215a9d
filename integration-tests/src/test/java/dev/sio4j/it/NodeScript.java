package dev.sio4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the {@code src/test/js/*.mjs} scripts with node (the official clients installed there by {@code npm ci}),
 * with a timeout; stdout and stderr go to {@code target/it-output/<name>.log} for diagnosis.
 */
public final class NodeScript {

  private static final Path JS_DIR = Path.of(System.getProperty("sio4j.js.dir", "src/test/js"));
  private static final Path OUT_DIR = Path.of(System.getProperty("sio4j.it.out", "target/it-output"));

  private NodeScript() {}

  /** Runs {@code node <script> <args>} (60 s at most), asserts exit code 0, returns the output. */
  public static String run(String logName, String script, String... args) throws IOException, InterruptedException {
    return run(Duration.ofSeconds(60), logName, script, args);
  }

  /** Runs {@code node <script> <args>} ({@code timeout} at most), asserts exit code 0, returns the output. */
  public static String run(Duration timeout, String logName, String script, String... args) throws IOException,
      InterruptedException {
    if (!Files.isDirectory(JS_DIR.resolve("node_modules"))) {
      fail("no " + JS_DIR.resolve("node_modules") + ": run the build (npm ci runs in pre-integration-test)");
    }
    Files.createDirectories(OUT_DIR);
    Path log = OUT_DIR.resolve(logName.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(JS_DIR.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail(command + " timed out; output in " + log + ":\n" + read(log));
    }
    String out = read(log);
    assertEquals(0, p.exitValue(), command + " failed; output in " + log + ":\n" + out);
    return out;
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
