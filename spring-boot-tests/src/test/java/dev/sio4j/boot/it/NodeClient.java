package dev.sio4j.boot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code src/test/js/*.mjs} script with node and the official client that {@code npm ci} installed there
 * (60 s at most); its output goes to {@code target/it-output/<log>.log}.
 */
final class NodeClient {

  private static final Path JS_DIR = Path.of(System.getProperty("sio4j.js.dir", "src/test/js"));
  private static final Path OUT_DIR = Path.of(System.getProperty("sio4j.it.out", "target/it-output"));

  private NodeClient() {}

  /** Runs {@code node <script> <args>}, asserts that it exits with 0, returns its output. */
  static String run(String log, String script, String... args) throws IOException, InterruptedException {
    assertTrue(Files.isDirectory(JS_DIR.resolve("node_modules")),
        "no " + JS_DIR.resolve("node_modules") + ": npm ci runs in pre-integration-test");
    Files.createDirectories(OUT_DIR);
    Path file = OUT_DIR.resolve(log.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(JS_DIR.toFile()).redirectErrorStream(true)
        .redirectOutput(file.toFile()).start();
    boolean exited = p.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String out = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(exited, command + " timed out:\n" + out);
    assertEquals(0, p.exitValue(), command + " failed:\n" + out);
    return out;
  }
}
