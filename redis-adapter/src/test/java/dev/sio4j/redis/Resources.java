package dev.sio4j.redis;

/** Closing the servers and peers of a test class. */
final class Resources {

  private Resources() {}

  /** Closes each resource that was started (skipping {@code null}s), in order; the first failure is rethrown. */
  static void closeAll(AutoCloseable... resources) throws Exception {
    Exception first = null;
    for (AutoCloseable r : resources) {
      if (r == null) {
        continue;
      }
      try {
        r.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
