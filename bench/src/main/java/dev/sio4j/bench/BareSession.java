package dev.sio4j.bench;

import java.util.ArrayDeque;

/**
 * One polling client of the bare ceilings ({@link BarePollingServlet}, {@link BareNettyServer}): the answers queued for
 * its next poll, and the poll parked while there are none ({@code P}: how the server holds a request open).
 *
 * <p>Not thread safe: callers hold the session's monitor.
 */
final class BareSession<P> {

  private static final char SEPARATOR = '\u001e';

  private final ArrayDeque<String> queue = new ArrayDeque<>();
  /** The parked poll, or {@code null}. */
  P parked;

  /** Queues the answers ({@link BareEchoServer#answer}) to the packets of a POSTed payload. */
  void answer(String payload, String sid) {
    int start = 0;
    while (start < payload.length()) {
      int end = payload.indexOf(SEPARATOR, start);
      if (end < 0) {
        end = payload.length();
      }
      String answer = BareEchoServer.answer(payload.substring(start, end), sid);
      if (answer != null) {
        queue.add(answer);
      }
      start = end + 1;
    }
  }

  boolean hasQueued() {
    return !queue.isEmpty();
  }

  /** What is queued as one payload, or {@code null} if nothing is. */
  String take() {
    if (queue.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder(queue.poll());
    String next;
    while ((next = queue.poll()) != null) {
      sb.append(SEPARATOR).append(next);
    }
    return sb.toString();
  }
}
