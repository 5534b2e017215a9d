package dev.sio4j.it.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put the containers and the WARs (see {@link War}; system properties set by failsafe, see the pom),
 * and small helpers to share between the container fixtures.
 */
final class Layout {

  private Layout() {}

  /** {@code target/containers}: WARs, unpacked/provisioned servers, per-run bases, logs and screenshots. */
  static Path containers() {
    return Path.of(System.getProperty("sio4j.it.containers", "target/containers")).toAbsolutePath();
  }

  /** A directory under {@link #containers()}, created if needed. */
  static Path dir(String name) {
    try {
      return Files.createDirectories(containers().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port free right now on 127.0.0.1 (the container binds it a moment later). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The java executable of this JVM, to run the containers with. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Deletes a directory tree if it exists. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
