package dev.sio4j.it.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Appends container start times to {@code target/containers/start-times.txt} (for the record, never asserted). */
final class Timings {

  private Timings() {}

  static synchronized void record(String container, long nanos) {
    String line = String.format(Locale.ROOT, "%s: application answering %.2f s after start%n", container,
        nanos / 1e9);
    System.out.print("[containers] " + line);
    try {
      Files.writeString(Layout.containers().resolve("start-times.txt"), line, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // only a record
    }
  }
}
