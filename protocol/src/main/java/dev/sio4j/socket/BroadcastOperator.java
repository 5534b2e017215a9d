package dev.sio4j.socket;

import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.parser.SocketPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
    Set<String> all = new LinkedHashSet<>(opts.rooms());
    all.addAll(Arrays.asList(rooms));
    return new BroadcastOperator(nsp, new BroadcastOptions(all, opts.except(), opts.flags()));
  }

  /** Same as {@link #to(String...)}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Excludes the members of rooms. <pre>{@code io.except("banned").emit("x")}</pre> */
  public BroadcastOperator except(String... rooms) {
    Set<String> all = new LinkedHashSet<>(opts.except());
    all.addAll(Arrays.asList(rooms));
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

  /** An acknowledgement timeout (for broadcasts with acks, not supported yet). */
  public BroadcastOperator timeout(Duration timeout) {
    return new BroadcastOperator(nsp,
        new BroadcastOptions(opts.rooms(), opts.except(), opts.flags().withTimeout(timeout)));
  }

  /** Accepted for Node compatibility; compression is the transport's decision. */
  public BroadcastOperator compress(boolean compress) {
    return this;
  }

  /** The selection this operator stands for. */
  public BroadcastOptions options() {
    return opts;
  }

  /**
   * Emits to the selected sockets; the packet is encoded once.
   *
   * @throws IllegalArgumentException for a reserved event name
   * @throws UnsupportedOperationException with an {@link AckCallback} (broadcast acks are not supported yet)
   */
  public boolean emit(String event, Object... args) {
    Socket.checkReserved(event);
    List<Object> payload = new ArrayList<>(args.length + 1);
    payload.add(event);
    for (Object a : args) {
      if (a instanceof AckCallback) {
        throw new UnsupportedOperationException("broadcasting with acknowledgements is not supported yet");
      }
      payload.add(a);
    }
    nsp.adapter().broadcast(SocketPacket.event(nsp.name(), payload, null), opts);
    return true;
  }

  /** The ids of the selected sockets on this node. */
  public Set<String> allSockets() {
    return new LinkedHashSet<>(nsp.adapter().fetchSockets(opts));
  }

  /** The selected sockets on this node. */
  public CompletionStage<List<Socket>> fetchSockets() {
    List<Socket> out = new ArrayList<>();
    for (String id : nsp.adapter().fetchSockets(opts)) {
      Socket s = nsp.socket(id);
      if (s != null) {
        out.add(s);
      }
    }
    return CompletableFuture.completedFuture(out);
  }

  /** Makes the selected sockets join rooms. */
  public void socketsJoin(String... rooms) {
    nsp.adapter().addSockets(opts, Set.of(rooms));
  }

  /** Makes the selected sockets leave rooms. */
  public void socketsLeave(String... rooms) {
    nsp.adapter().delSockets(opts, Set.of(rooms));
  }

  /** Disconnects the selected sockets (and their connections when {@code close}). */
  public void disconnectSockets(boolean close) {
    nsp.adapter().disconnectSockets(opts, close);
  }
}
