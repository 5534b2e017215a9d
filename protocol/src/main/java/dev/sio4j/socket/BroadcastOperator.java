package dev.sio4j.socket;

import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.SocketDetails;
import dev.sio4j.socket.parser.SocketPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Selects sockets of a namespace and emits to them (Node's {@code BroadcastOperator}). Immutable: every modifier
 * returns a new operator, so one may be kept and reused from any thread.
 *
 * <pre>{@code
 * io.to("room1").to("room2").except("room3").emit("hello", "world");
 * io.of("/chat").volatile_().emit("tick", n);
 * socket.broadcast().emit("joined", socket.id());   // everyone but socket
 * }</pre>
 */
public final class BroadcastOperator {

  private final Namespace nsp;
  private final BroadcastOptions opts;

  BroadcastOperator(Namespace nsp, BroadcastOptions opts) {
    this.nsp = nsp;
    this.opts = opts;
  }

  /** Adds target rooms (a socket in several is reached once). <pre>{@code io.to("a").to("b").emit("x")}</pre> */
  public BroadcastOperator to(String... rooms) {
    return to(Arrays.asList(rooms));
  }

  /** Adds target rooms, as Node's {@code io.to(["a", "b"])}. <pre>{@code io.to(user.rooms()).emit("x")}</pre> */
  public BroadcastOperator to(Collection<String> rooms) {
    Set<String> all = new LinkedHashSet<>(opts.rooms());
    all.addAll(rooms);
    return new BroadcastOperator(nsp, new BroadcastOptions(all, opts.except(), opts.flags()));
  }

  /** Same as {@link #to(String...)}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Same as {@link #to(Collection)}. */
  public BroadcastOperator in(Collection<String> rooms) {
    return to(rooms);
  }

  /** Excludes the members of rooms. <pre>{@code io.except("banned").emit("x")}</pre> */
  public BroadcastOperator except(String... rooms) {
    return except(Arrays.asList(rooms));
  }

  /** Excludes the members of rooms, as Node's {@code io.except(["a", "b"])}. */
  public BroadcastOperator except(Collection<String> rooms) {
    Set<String> all = new LinkedHashSet<>(opts.except());
    all.addAll(rooms);
    return new BroadcastOperator(nsp, new BroadcastOptions(opts.rooms(), all, opts.flags()));
  }

  /**
   * Drops the packet for clients that cannot take it right now ({@code volatile} is a Java keyword, hence the
   * underscore). <pre>{@code io.volatile_().emit("tick")}</pre>
   */
  public BroadcastOperator volatile_() {
    return new BroadcastOperator(nsp, new BroadcastOptions(opts.rooms(), opts.except(), opts.flags().withVolatile()));
  }

  /** Only this server node. <pre>{@code io.local().emit("x")}</pre> */
  public BroadcastOperator local() {
    return new BroadcastOperator(nsp, new BroadcastOptions(opts.rooms(), opts.except(), opts.flags().withLocal()));
  }

  /**
   * How long to wait for the acknowledgements of a broadcast; required to emit with an {@link AckCallback}.
   *
   * <pre>{@code io.timeout(Duration.ofSeconds(5)).emitWithAck("ping").thenAccept(responses -> ...)}</pre>
   */
  public BroadcastOperator timeout(Duration timeout) {
    return new BroadcastOperator(nsp,
        new BroadcastOptions(opts.rooms(), opts.except(), opts.flags().withTimeout(timeout)));
  }

  /**
   * Whether the packet may be compressed (Node's {@code compress}; the default is {@code true}). Over polling, a
   * response made only of packets emitted with {@code false} is not HTTP-compressed; over WebSocket the flag has no
   * effect (JSR-356 has no per-message switch for permessage-deflate).
   */
  public BroadcastOperator compress(boolean compress) {
    return new BroadcastOperator(nsp,
        new BroadcastOptions(opts.rooms(), opts.except(), opts.flags().withCompress(compress)));
  }

  /** Emits the event {@code message} to the selected sockets (Node's {@code io.to(room).send(...)}). */
  public boolean send(Object... args) {
    return emit("message", args);
  }

  /** The selection this operator stands for. */
  public BroadcastOptions options() {
    return opts;
  }

  /**
   * Emits to the selected sockets; the packet is encoded once.
   *
   * <p>If the last argument is an {@link AckCallback}, every selected client is asked to acknowledge and the callback
   * runs once (Node semantics): with {@code null} and one response per client (the first argument of its
   * acknowledgement) when all answered, or with an {@link AckException} of kind {@code TIMEOUT} and the responses
   * received so far when the timeout elapsed first. A selection of no client completes at once with an empty list.
   *
   * <pre>{@code
   * io.timeout(Duration.ofSeconds(5)).emit("poll", (AckCallback) (err, responses) -> tally(responses));
   * }</pre>
   *
   * @throws IllegalArgumentException for a reserved event name
   * @throws IllegalStateException with an {@link AckCallback} but no {@link #timeout(Duration)}
   * @throws UnsupportedOperationException with an {@link AckCallback} if the adapter cannot collect acknowledgements
   */
  public boolean emit(String event, Object... args) {
    Socket.checkReserved(event);
    int n = args.length;
    AckCallback callback = null;
    if (n > 0 && args[n - 1] instanceof AckCallback cb) {
      callback = cb;
      n--;
    }
    List<Object> payload = new ArrayList<>(n + 1);
    payload.add(event);
    for (int i = 0; i < n; i++) {
      if (args[i] instanceof AckCallback) {
        throw new IllegalArgumentException("an AckCallback must be the last argument");
      }
      payload.add(args[i]);
    }
    SocketPacket packet = SocketPacket.event(nsp.name(), payload, null);
    if (callback == null) {
      nsp.adapter().broadcast(packet, opts);
      return true;
    }
    if (opts.flags().timeout() == null) {
      // Node's timer would fire at once; an unbounded wait is no better: ask for the timeout explicitly
      throw new IllegalStateException("a broadcast with acknowledgements needs a timeout: "
          + "io.timeout(Duration.ofSeconds(5)).emit(event, args..., callback)");
    }
    BroadcastAck collector = new BroadcastAck(callback);
    collector.start(nsp, opts.flags().timeout());
    nsp.adapter().broadcastWithAck(packet, opts, collector::onClientCount, collector::onResponse);
    nsp.adapter().serverCount().whenComplete((count, error) -> collector.onServerCount(error == null ? count : 1));
    return true;
  }

  /**
   * Emits to the selected sockets and completes with one response per client, or fails with an
   * {@link AckException} (kind {@code TIMEOUT}, {@link AckException#responses()} holding those received in time).
   *
   * <pre>{@code
   * io.to("voters").timeout(Duration.ofSeconds(10)).emitWithAck("vote?")
   *     .thenAccept(votes -> count(votes));
   * }</pre>
   *
   * @throws IllegalStateException without a {@link #timeout(Duration)}
   */
  public CompletionStage<List<Object>> emitWithAck(String event, Object... args) {
    CompletableFuture<List<Object>> result = new CompletableFuture<>();
    Object[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = (AckCallback) (error, responses) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(responses);
      }
    };
    emit(event, all);
    return result;
  }

  /** The ids of the selected sockets on this node. */
  public Set<String> allSockets() {
    return new LinkedHashSet<>(nsp.adapter().fetchSockets(opts));
  }

  /**
   * The selected sockets on every server node (Node's {@code fetchSockets}): those connected to this node are the
   * {@link Socket}s themselves; with a cluster adapter, the others are snapshots whose {@code emit}, {@code join},
   * {@code leave} and {@code disconnect} act through the adapter. Fails when the cluster does not answer in time.
   *
   * <pre>{@code
   * io.in("room1").fetchSockets().thenAccept(sockets -> sockets.forEach(s -> s.emit("hi", s.data().get("name"))));
   * }</pre>
   */
  public CompletionStage<List<RemoteSocket>> fetchSockets() {
    return nsp.adapter().fetchClusterSockets(opts).thenApply(details -> {
      List<RemoteSocket> out = new ArrayList<>(details.size());
      for (SocketDetails d : details) {
        Socket local = nsp.socket(d.id());
        out.add(local != null ? local : new ClusterSocket(nsp, d));
      }
      return out;
    });
  }

  /** Makes the selected sockets join rooms. */
  public void socketsJoin(String... rooms) {
    socketsJoin(Arrays.asList(rooms));
  }

  /** Makes the selected sockets join rooms (a room named twice is joined once). */
  public void socketsJoin(Collection<String> rooms) {
    nsp.adapter().addSockets(opts, new LinkedHashSet<>(rooms));
  }

  /** Makes the selected sockets leave rooms. */
  public void socketsLeave(String... rooms) {
    socketsLeave(Arrays.asList(rooms));
  }

  /** Makes the selected sockets leave rooms. */
  public void socketsLeave(Collection<String> rooms) {
    nsp.adapter().delSockets(opts, new LinkedHashSet<>(rooms));
  }

  /** Disconnects the selected sockets (and their connections when {@code close}). */
  public void disconnectSockets(boolean close) {
    nsp.adapter().disconnectSockets(opts, close);
  }
}
