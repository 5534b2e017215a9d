package dev.sio4j.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code src/test/js/*.mjs} script running with node in the background while the test acts on the server (unlike
 * {@link dev.sio4j.it.NodeScript}, which waits for the script); output in {@code target/it-output/<name>.log}.
 *
 * <p>Not thread safe: owned by one test.
 */
final class NodeProcess implements AutoCloseable {

  private static final Path JS_DIR = Path.of(System.getProperty("sio4j.js.dir", "src/test/js"));
  private static final Path OUT_DIR = Path.of(System.getProperty("sio4j.it.out", "target/it-output"));

  private final List<String> command;
  private final Process process;
  private final Path log;

  private NodeProcess(List<String> command, Process process, Path log) {
    this.command = command;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code node <script> <args>}. */
  static NodeProcess start(String logName, String script, String... args) throws IOException {
    if (!Files.isDirectory(JS_DIR.resolve("node_modules"))) {
      fail("no " + JS_DIR.resolve("node_modules") + ": run the build (npm ci runs in pre-integration-test)");
    }
    Files.createDirectories(OUT_DIR);
    Path log = OUT_DIR.resolve(logName + ".log");
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(JS_DIR.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    return new NodeProcess(command, p, log);
  }

  /** Waits for the script to end, asserts exit code 0 and returns its output. */
  String awaitSuccess(long seconds) throws IOException, InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      close();
      fail(command + " did not end within " + seconds + " s; output in " + log + ":\n" + output());
    }
    String out = output();
    assertEquals(0, process.exitValue(), command + " failed; output in " + log + ":\n" + out);
    return out;
  }

  /** What the script printed so far. */
  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
