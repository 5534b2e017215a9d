package dev.sio4j.websocket;

import jakarta.websocket.RemoteEndpoint;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Per-frame batching for containers whose JSR-356 async remote decides batching at each send from a plain field, so
 * that a frame can be held in the container's aggregation buffer and written together with the next unbatched frame,
 * in one system call. {@link RemoteEndpoint#setBatchingAllowed} cannot be used for this: switching batching off calls
 * {@code flushBatch()}, which blocks until the batch is written.
 *
 * <p>Jetty 12's {@code JakartaWebSocketRemoteEndpoint} reads its {@code batch} field when a frame is sent and its
 * frame flusher aggregates batched frames until an unbatched one (or a close frame) arrives; that field is set
 * directly here. Where it is not found or not accessible (other containers, Jetty in JPMS mode), {@link #of} answers
 * {@code null} and every frame is sent on its own, as JSR-356 specifies.
 *
 * <p>Thread safety: {@link #set} is called by the connection's one writer right before each send.
 */
final class FrameBatching {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.websocket");
  private static final String JETTY_REMOTE = "JakartaWebSocketRemoteEndpoint";

  /** The last remote class looked at and what was found for it (one container per application, so one entry). */
  private static volatile Lookup last;

  private final Field batch;

  private FrameBatching(Field batch) {
    this.batch = batch;
  }

  /** The batching switch for {@code remote}'s class, or {@code null} when frames cannot be batched without blocking. */
  static FrameBatching of(RemoteEndpoint.Async remote) {
    return forType(remote.getClass());
  }

  /** The batching switch for remotes of this class, or {@code null}. */
  static FrameBatching forType(Class<?> type) {
    Lookup l = last;
    if (l == null || l.type != type) {
      l = new Lookup(type, find(type));
      last = l;
    }
    return l.batching;
  }

  /** Marks the next frame sent through {@code remote} as batched (held back) or not (written with what is held). */
  void set(Object remote, boolean batched) {
    try {
      batch.setBoolean(remote, batched);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e); // cannot happen: made accessible in find()
    }
  }

  private static FrameBatching find(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().startsWith("org.eclipse.jetty.") && c.getSimpleName().equals(JETTY_REMOTE)) {
        String name = c.getName();
        try {
          Field f = c.getDeclaredField("batch");
          if (f.getType() != boolean.class || Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
            break;
          }
          f.setAccessible(true);
          LOG.log(System.Logger.Level.DEBUG, () -> "WebSocket frames queued back to back are batched (" + name + ")");
          return new FrameBatching(f);
        } catch (NoSuchFieldException | RuntimeException e) { // RuntimeException: InaccessibleObjectException
          LOG.log(System.Logger.Level.DEBUG, () -> "no per-frame batching on " + name + ": " + e);
          break;
        }
      }
    }
    return null;
  }

  private record Lookup(Class<?> type, FrameBatching batching) {}
}
