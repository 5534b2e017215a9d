package dev.sio4j.it.annotated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@code src/test/js/annotated-*.mjs} script with node (the package's own copy of {@code dev.sio4j.it.NodeScript},
 * which is package-private there); output in {@code target/it-output/<name>.log}.
 */
final class Node {

  private static final Path JS_DIR = Path.of(System.getProperty("sio4j.js.dir", "src/test/js"));
  private static final Path OUT_DIR = Path.of(System.getProperty("sio4j.it.out", "target/it-output"));

  private Node() {}

  /** Runs {@code node <script> <args>}, asserts exit code 0, returns the output. */
  static String run(String logName, String script, String... args) throws Exception {
    if (!Files.isDirectory(JS_DIR.resolve("node_modules"))) {
      fail("no " + JS_DIR.resolve("node_modules") + ": run the build (npm ci runs in pre-integration-test)");
    }
    Files.createDirectories(OUT_DIR);
    Path log = OUT_DIR.resolve(logName.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(JS_DIR.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail(command + " timed out; output in " + log + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), command + " failed; output in " + log + ":\n" + out);
    return out;
  }
}
