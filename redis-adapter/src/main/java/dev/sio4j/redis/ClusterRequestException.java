package dev.sio4j.redis;

import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * A cluster request ({@code fetchSockets}, {@code allRooms}, {@code serverSideEmit} with acks) failed: Redis could
 * not be reached, or not every node answered within {@link RedisAdapterOptions#requestsTimeout()}. The message
 * says which (for a timeout, it reads as Node's: {@code timeout reached while waiting for fetchSockets response}).
 */
public class ClusterRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The answers that did arrive (serverSideEmit acknowledgements), possibly none. */
  private final transient List<Object> partialResponses;

  /** A failure with the answers received so far. */
  public ClusterRequestException(String message, List<Object> partialResponses, Throwable cause) {
    super(message, cause);
    this.partialResponses = partialResponses == null ? List.of() : List.copyOf(partialResponses);
  }

  /** The answers received before the failure (only filled for {@code serverSideEmitWithAck}). */
  public List<Object> partialResponses() {
    return partialResponses;
  }

  /** The failure for Redis being unreachable (or {@code e} itself when it already is a cluster-request failure). */
  static ClusterRequestException unavailable(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof ClusterRequestException c) {
      return c;
    }
    return new ClusterRequestException("Redis unavailable: " + cause, null, cause);
  }
}
