package dev.sio4j.redis;

import dev.sio4j.socket.AckCallback;
import dev.sio4j.socket.AckException;
import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.BroadcastFlags;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.InMemoryAdapter;
import dev.sio4j.socket.adapter.SocketDetails;
import dev.sio4j.socket.parser.SocketPacket;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What the classic and the sharded Redis adapters share, in the shape of Node's {@code ClusterAdapter}: the requests
 * that wait for other nodes and their timeouts, broadcasts with acks, {@code serverSideEmit}, {@code fetchSockets}
 * and the node count. A subclass supplies its protocol (how each request is encoded, how an answer is read, on which
 * channels) and its Redis commands ({@code doPublish}, {@code doCountSubscribers}, {@code doUnsubscribe}).
 *
 * <p>Thread safe. Redis messages are handled on the Redis client's I/O thread; nothing here blocks.
 */
abstract class ClusterAdapter extends InMemoryAdapter {

  static final System.Logger LOG = System.getLogger("dev.sio4j.redis");

  final RedisAdapterFactory factory;
  final RedisAdapterOptions options;
  private final String uid;
  /** Where requests go; its subscribers are the nodes of this namespace. */
  private final String requestChannel;
  private final ClusterRequests requests;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  ClusterAdapter(AdapterNamespace nsp, RedisAdapterFactory factory, String uid, String requestChannel) {
    super(nsp);
    this.factory = factory;
    this.options = factory.options();
    this.uid = uid;
    this.requestChannel = requestChannel;
    this.requests = new ClusterRequests(factory.timer(), options, this::timeoutMessage);
  }

  /** Completes once this node is subscribed to its channels (the first time); other nodes reach it from then on. */
  public CompletableFuture<Void> ready() {
    return ready.copy();
  }

  /** This node's id in the cluster for this namespace (Node's {@code uid}). */
  public String uid() {
    return uid;
  }

  String namespaceName() {
    return namespace().name();
  }

  /** Completes {@link #ready()} with the first subscription to the namespace's channels. */
  final void onSubscribed(CompletionStage<?> subscription) {
    subscription.whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.WARNING, "subscribing " + namespaceName() + " failed (Lettuce subscribes again on reconnect)", e);
        ready.completeExceptionally(e);
      } else {
        ready.complete(null);
      }
    });
  }

  // ---- outgoing ----

  /**
   * Delivers a packet asking each recipient, on every node, for an acknowledgement (Node's
   * {@code broadcastWithAck}). {@code clientCountCallback} is called once per node that delivered it with the number
   * of clients asked there; {@code ack} once per client answer, with its arguments (remote answers carry the first
   * argument only, as in Node). Acknowledgements arriving after {@link BroadcastFlags#timeout()} are dropped.
   */
  @Override
  public void broadcastWithAck(SocketPacket packet, BroadcastOptions opts, IntConsumer clientCountCallback,
      Consumer<List<Object>> ack) {
    if (!opts.flags().local()) {
      String requestId = ClusterWire.randomId();
      byte[] message = encodeBroadcastWithAck(requestId, packet, opts);
      Duration timeout = opts.flags().timeout() == null ? options.requestsTimeout() : opts.flags().timeout();
      requests.expectAcks(requestId, timeout, clientCountCallback, ack);
      publish(requestChannel, message);
    }
    localBroadcastWithAck(packet, opts, clientCountCallback, ack);
  }

  /** The local part of {@link #broadcastWithAck}: the in-memory adapter's delivery with acknowledgements. */
  protected void localBroadcastWithAck(SocketPacket packet, BroadcastOptions opts, IntConsumer clientCountCallback,
      Consumer<List<Object>> ack) {
    super.broadcastWithAck(packet, opts, clientCountCallback, ack);
  }

  /**
   * Sends an event to the other nodes' {@code onServerSideEmit} handlers (Node's {@code serverSideEmit}). With an
   * {@link AckCallback} as last element, collects one answer per node into it (see {@link #serverSideEmitWithAck}).
   */
  @Override
  public void serverSideEmit(List<Object> eventAndArgs) {
    if (!eventAndArgs.isEmpty() && eventAndArgs.get(eventAndArgs.size() - 1) instanceof AckCallback callback) {
      serverSideEmitWithAck(new ArrayList<>(eventAndArgs.subList(0, eventAndArgs.size() - 1)))
          .whenComplete((responses, e) -> {
            if (e == null) {
              callback.handle(null, responses);
            } else {
              Throwable cause = e.getCause() != null ? e.getCause() : e;
              List<Object> partial = cause instanceof ClusterRequestException c ? c.partialResponses() : List.of();
              callback.handle(new AckException(AckException.Kind.TIMEOUT, cause.getMessage(), partial), partial);
            }
          });
      return;
    }
    publish(requestChannel, encodeServerSideEmit(null, eventAndArgs));
  }

  /**
   * Sends an event to the other nodes and collects one answer per node (Node's {@code serverSideEmitWithAck}).
   * Fails with a {@link ClusterRequestException} (holding the answers received) when some node does not answer in
   * time.
   */
  public CompletableFuture<List<Object>> serverSideEmitWithAck(List<Object> eventAndArgs) {
    return serverCount().thenCompose(count -> {
      if (count <= 1) { // no node but this one
        return CompletableFuture.completedFuture(List.of());
      }
      String requestId = ClusterWire.randomId();
      ClusterRequest request = new ClusterRequest(RequestType.SERVER_SIDE_EMIT, count - 1, List.of());
      return send(requestId, request, encodeServerSideEmit(requestId, eventAndArgs));
    });
  }

  /**
   * The sockets selected by {@code opts} on every node (Node's {@code fetchSockets}), with their handshakes, rooms
   * and data; only this node's when the options are {@code local}. Fails with a {@link ClusterRequestException}
   * when a node does not answer within {@link RedisAdapterOptions#requestsTimeout()} or Redis is unavailable.
   */
  @Override
  public CompletableFuture<List<SocketDetails>> fetchClusterSockets(BroadcastOptions opts) {
    List<Object> local = new ArrayList<>(localSocketDetails(opts));
    if (opts.flags().local()) {
      return CompletableFuture.completedFuture(SocketDetailsWire.allFromWire(local));
    }
    return serverCount().thenCompose(count -> {
      if (count <= 1) {
        return CompletableFuture.completedFuture(SocketDetailsWire.allFromWire(local));
      }
      String requestId = ClusterWire.randomId();
      ClusterRequest request = new ClusterRequest(RequestType.REMOTE_FETCH, count - 1, local);
      return send(requestId, request, encodeFetchSockets(requestId, opts)).thenApply(SocketDetailsWire::allFromWire);
    });
  }

  /** How many nodes serve this namespace (subscribers of the request channel, this node included). */
  @Override
  public CompletableFuture<Integer> serverCount() {
    CompletableFuture<Integer> count = new CompletableFuture<>();
    try {
      doCountSubscribers(ClusterWire.bytes(requestChannel)).whenComplete((m, e) -> {
        if (e != null) {
          count.completeExceptionally(ClusterRequestException.unavailable(e));
        } else {
          count.complete(m.values().stream().findFirst().map(Long::intValue).orElse(0));
        }
      });
    } catch (RuntimeException e) {
      count.completeExceptionally(ClusterRequestException.unavailable(e));
    }
    return count.orTimeout(options.requestsTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(ClusterRequestException.unavailable(e)));
  }

  /** Publishes a request that waits for answers; see {@link ClusterRequests#send}. */
  final CompletableFuture<List<Object>> send(String requestId, ClusterRequest request, byte[] message) {
    return requests.send(requestId, request, () -> publishFuture(requestChannel, message));
  }

  /** Publishes, logging a failure (broadcasts and answers are fire-and-forget, as in Node). */
  final void publish(String ch, byte[] message) {
    publishFuture(ch, message).whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.DEBUG, () -> "publishing on " + ch + " failed: " + e);
      }
    });
  }

  private CompletableFuture<Long> publishFuture(String ch, byte[] message) {
    try {
      return doPublish(ClusterWire.bytes(ch), message).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  // ---- incoming ----

  /** Whether this node waits for the answers to {@code requestId} (its own request: not to be answered). */
  final boolean waitsForAnswers(Object requestId) {
    return requests.waitsForAnswers(requestId);
  }

  /** Whether this node sent the broadcast with acks {@code requestId} (not to be delivered again). */
  final boolean waitsForAcks(Object requestId) {
    return requests.waitsForAcks(requestId);
  }

  /** Takes an answer to one of this node's requests; {@code type} tells client counts and acks apart. */
  final void onResponse(String requestId, RequestType type, Map<?, ?> answer) {
    requests.onResponse(requestId, type, answer, this::readAnswer);
  }

  /**
   * Hands another node's event to this namespace's {@code onServerSideEmit} handlers; when the sender waits for an
   * answer ({@code requestId} set), {@code respond} publishes the first acknowledgement.
   */
  final void receiveServerSideEmit(List<?> eventAndArgs, Object requestId, Consumer<Object> respond) {
    Consumer<Object> ack = null;
    if (requestId != null) {
      AtomicBoolean called = new AtomicBoolean();
      ack = arg -> {
        if (called.compareAndSet(false, true)) {
          respond.accept(arg);
        }
      };
    }
    namespace().receiveServerSideEmit(new ArrayList<>(eventAndArgs), ack);
  }

  /** This node's sockets selected by {@code opts}, in their wire form (the answer to {@code fetchSockets}). */
  final List<Object> localSocketsOnWire(BroadcastOptions opts) {
    return SocketDetailsWire.allToWire(localSocketDetails(opts));
  }

  /** Unsubscribes and fails the pending requests. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    factory.unregister(this);
    doUnsubscribe();
    requests.failAll(new ClusterRequestException("adapter closed", null, null));
  }

  // ---- the protocol of a subclass ----

  /** The failure message of a request some node did not answer in time (Node's {@code ClusterAdapter} wording). */
  String timeoutMessage(ClusterRequest request) {
    return "timeout reached: only " + request.current() + " responses received out of " + request.expected();
  }

  /** The request of a broadcast with acks. */
  abstract byte[] encodeBroadcastWithAck(String requestId, SocketPacket packet, BroadcastOptions opts);

  /** A {@code serverSideEmit} request; {@code requestId} is {@code null} when no answer is wanted. */
  abstract byte[] encodeServerSideEmit(String requestId, List<Object> eventAndArgs);

  /** A {@code fetchSockets} request. */
  abstract byte[] encodeFetchSockets(String requestId, BroadcastOptions opts);

  /** The items that one node's answer adds to a request of {@code kind}. */
  abstract List<Object> readAnswer(RequestType kind, Map<?, ?> answer);

  /** Publishes one message (Node's {@code doPublish} and {@code doPublishResponse} both end here). */
  abstract CompletionStage<Long> doPublish(byte[] channel, byte[] message);

  /** The number of subscribers of {@code channel}, as a one-entry map. */
  abstract CompletionStage<Map<byte[], Long>> doCountSubscribers(byte[] channel);

  /** Unsubscribes from every channel of this adapter; logs (never throws) when Redis is away. */
  abstract void doUnsubscribe();
}
