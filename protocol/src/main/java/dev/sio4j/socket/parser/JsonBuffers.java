package dev.sio4j.socket.parser;

import java.util.Map;
import org.eclipse.parsson.api.BufferPool;

/**
 * Parsson's working buffers, one kept per thread. Parsson takes a {@code char[]} for every parser and generator and
 * gives it back on close; its default pool does two lock-free queue operations per buffer, which showed up as a few
 * percent of the CPU of a small event's round trip. Here a thread reuses its own buffer: no queue, no contention. A
 * thread holds at most one buffer (a parser and a generator are never open at once on one thread in the codec; if
 * they were, the second would get a fresh buffer). Only JDK types are kept in the thread, so an undeployed
 * application's class loader is not held by container threads.
 *
 * <p>Thread safe.
 */
final class JsonBuffers implements BufferPool {

  /** What Parsson's own pool hands out (chars). */
  static final int SIZE = 4096;

  /** The configuration that makes a Parsson factory use one shared instance (other providers ignore the key). */
  static final Map<String, Object> CONFIG = Map.of(BufferPool.class.getName(), new JsonBuffers());

  private final ThreadLocal<char[]> spare = new ThreadLocal<>();

  private JsonBuffers() {}

  @Override
  public char[] take() {
    char[] buffer = spare.get();
    if (buffer == null) {
      return new char[SIZE];
    }
    spare.set(null);
    return buffer;
  }

  @Override
  public void recycle(char[] buffer) {
    if (buffer.length == SIZE) {
      spare.set(buffer);
    }
  }
}
