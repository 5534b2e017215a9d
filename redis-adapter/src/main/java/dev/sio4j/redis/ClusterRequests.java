package dev.sio4j.redis;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The cluster requests of one adapter that wait for other nodes: requests with answers ({@link ClusterRequest}) and
 * broadcasts with acks, each forgotten after its timeout, at most {@link RedisAdapterOptions#maxPendingRequests()}
 * requests at a time.
 *
 * <p>Thread safe: registered on the caller's thread, answered on the Redis I/O thread, timed out on the timer.
 */
final class ClusterRequests {

  private final ScheduledExecutorService timer;
  private final Duration requestsTimeout;
  private final int maxPending;
  private final Function<ClusterRequest, String> timeoutMessage;
  private final Map<String, ClusterRequest> requests = new ConcurrentHashMap<>();
  private final Map<String, AckRequest> ackRequests = new ConcurrentHashMap<>();

  ClusterRequests(ScheduledExecutorService timer, RedisAdapterOptions options,
      Function<ClusterRequest, String> timeoutMessage) {
    this.timer = timer;
    this.requestsTimeout = options.requestsTimeout();
    this.maxPending = options.maxPendingRequests();
    this.timeoutMessage = timeoutMessage;
  }

  /** Whether this node sent request {@code requestId} and waits for its answers (then it does not answer it). */
  boolean waitsForAnswers(Object requestId) {
    return requests.containsKey(String.valueOf(requestId));
  }

  /** Whether this node sent the broadcast with acks {@code requestId} (then it does not deliver it again). */
  boolean waitsForAcks(Object requestId) {
    return ackRequests.containsKey(String.valueOf(requestId));
  }

  /**
   * Registers a request, arms its timeout and sends it with {@code publish}; the future fails when too many are
   * pending, when not every node answers in time, or when publishing fails.
   */
  CompletableFuture<List<Object>> send(String requestId, ClusterRequest request,
      Supplier<CompletableFuture<?>> publish) {
    if (requests.size() >= maxPending) {
      return CompletableFuture.failedFuture(new ClusterRequestException(
          "too many pending cluster requests (maxPendingRequests " + maxPending + ")", null, null));
    }
    requests.put(requestId, request);
    request.timeout(timer.schedule(() -> {
      if (requests.remove(requestId, request)) {
        request.future().completeExceptionally(
            new ClusterRequestException(timeoutMessage.apply(request), request.responses(), null));
      }
    }, requestsTimeout.toMillis(), TimeUnit.MILLISECONDS));
    publish.get().whenComplete((v, e) -> {
      if (e != null && requests.remove(requestId, request)) {
        request.fail(ClusterRequestException.unavailable(e));
      }
    });
    return request.future();
  }

  /** Registers a broadcast with acks; its late answers are dropped after {@code timeout}. */
  void expectAcks(String requestId, Duration timeout, IntConsumer clientCount, Consumer<List<Object>> ack) {
    ackRequests.put(requestId, new AckRequest(clientCount, ack));
    timer.schedule(() -> ackRequests.remove(requestId), timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Takes one answer to {@code requestId}: a client count or an acknowledgement ({@code type} says which) of a
   * broadcast with acks, else an answer to a request, whose items {@code read} takes from the answer.
   */
  void onResponse(String requestId, RequestType type, Map<?, ?> answer,
      BiFunction<RequestType, Map<?, ?>, List<Object>> read) {
    AckRequest ackRequest = ackRequests.get(requestId);
    if (ackRequest != null) {
      if (type == RequestType.BROADCAST_CLIENT_COUNT && answer.get("clientCount") instanceof Number n) {
        ackRequest.clientCount.accept(n.intValue());
      } else if (type == RequestType.BROADCAST_ACK) {
        ackRequest.ack.accept(Arrays.asList(answer.get("packet")));
      }
      return;
    }
    ClusterRequest request = requests.get(requestId);
    if (request == null) {
      return;
    }
    boolean done = request.add(read.apply(request.kind(), answer));
    if (done && requests.remove(requestId, request)) {
      request.complete();
    }
  }

  /** Fails every pending request with {@code e} and forgets the broadcasts with acks. */
  void failAll(ClusterRequestException e) {
    requests.values().forEach(r -> r.fail(e));
    requests.clear();
    ackRequests.clear();
  }

  /** A broadcast with acks waiting for the other nodes' counts and answers. */
  private record AckRequest(IntConsumer clientCount, Consumer<List<Object>> ack) {}
}
