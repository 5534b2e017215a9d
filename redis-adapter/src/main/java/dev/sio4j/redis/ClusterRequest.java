package dev.sio4j.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One cluster request ({@code fetchSockets}, {@code allRooms}, {@code serverSideEmitWithAck}) waiting for the answers
 * of {@code expected} other nodes; this node's own part, if any, is in from the start.
 *
 * <p>Thread safe: answers arrive on the Redis I/O thread, the timeout fires on the timer thread. The future is
 * completed by whoever removes the request from {@link ClusterRequests}, so exactly once.
 */
final class ClusterRequest {

  private final RequestType kind;
  private final int expected;
  private int current;
  private final List<Object> items;
  private final CompletableFuture<List<Object>> future = new CompletableFuture<>();
  private volatile ScheduledFuture<?> timeout;

  /** A request of {@code kind} expecting {@code expected} answers, starting with the {@code local} items. */
  ClusterRequest(RequestType kind, int expected, List<?> local) {
    this.kind = kind;
    this.expected = expected;
    this.items = new ArrayList<>(local);
  }

  RequestType kind() {
    return kind;
  }

  int expected() {
    return expected;
  }

  /** Adds one node's answer; true when all arrived. */
  synchronized boolean add(List<Object> answer) {
    current++;
    items.addAll(answer);
    return current >= expected;
  }

  /** How many nodes answered. */
  synchronized int current() {
    return current;
  }

  /** The items gathered so far, this node's first. */
  synchronized List<Object> responses() {
    return new ArrayList<>(items);
  }

  CompletableFuture<List<Object>> future() {
    return future;
  }

  void timeout(ScheduledFuture<?> timeout) {
    this.timeout = timeout;
  }

  void complete() {
    timeout.cancel(false);
    future.complete(responses());
  }

  void fail(ClusterRequestException e) {
    timeout.cancel(false);
    future.completeExceptionally(e);
  }
}
