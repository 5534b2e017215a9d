package dev.sio4j.socket;

import dev.sio4j.socket.adapter.Adapter;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.RoomListener;
import dev.sio4j.socket.adapter.SocketDetails;
import dev.sio4j.socket.parser.SocketPacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The adapter of a {@link ParentNamespace} (Node's {@code ParentBroadcastAdapter}): it has no sockets of its own and
 * forwards every selection to the children's adapters. Thread safe.
 */
final class ParentBroadcastAdapter implements Adapter {

  private final Set<Namespace> children;

  ParentBroadcastAdapter(Set<Namespace> children) {
    this.children = children;
  }

  private Set<Namespace> children() {
    return children;
  }

  @Override
  public void addAll(String id, Set<String> rooms) {
    throw new UnsupportedOperationException("a parent namespace has no sockets");
  }

  @Override
  public void del(String id, String room) {}

  @Override
  public void delAll(String id) {}

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    children().forEach(c -> c.adapter().broadcast(packet, opts));
  }

  @Override
  public void broadcastWithAck(SocketPacket packet, BroadcastOptions opts, IntConsumer clientCountCallback,
      Consumer<List<Object>> ack) {
    // one count for this node: the sum over the children, reported once all of them reported
    List<Namespace> targets = List.copyOf(children());
    AtomicInteger pending = new AtomicInteger(targets.size() + 1);
    AtomicInteger total = new AtomicInteger();
    IntConsumer childCount = n -> {
      total.addAndGet(n);
      if (pending.decrementAndGet() == 0) {
        clientCountCallback.accept(total.get());
      }
    };
    targets.forEach(c -> c.adapter().broadcastWithAck(packet, opts, childCount, ack));
    childCount.accept(0);
  }

  @Override
  public Set<String> sockets(Set<String> rooms) {
    Set<String> all = new LinkedHashSet<>();
    children().forEach(c -> all.addAll(c.adapter().sockets(rooms)));
    return all;
  }

  @Override
  public Set<String> socketRooms(String id) {
    for (Namespace c : children()) {
      Set<String> rooms = c.adapter().socketRooms(id);
      if (!rooms.isEmpty()) {
        return rooms;
      }
    }
    return Set.of();
  }

  @Override
  public List<String> fetchSockets(BroadcastOptions opts) {
    List<String> all = new ArrayList<>();
    children().forEach(c -> all.addAll(c.adapter().fetchSockets(opts)));
    return all;
  }

  @Override
  public CompletionStage<List<SocketDetails>> fetchClusterSockets(BroadcastOptions opts) {
    List<CompletableFuture<List<SocketDetails>>> parts = new ArrayList<>();
    children().forEach(c -> parts.add(c.adapter().fetchClusterSockets(opts).toCompletableFuture()));
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<SocketDetails> all = new ArrayList<>();
      parts.forEach(p -> all.addAll(p.join()));
      return all;
    });
  }

  @Override
  public void addSockets(BroadcastOptions opts, Set<String> rooms) {
    children().forEach(c -> c.adapter().addSockets(opts, rooms));
  }

  @Override
  public void delSockets(BroadcastOptions opts, Set<String> rooms) {
    children().forEach(c -> c.adapter().delSockets(opts, rooms));
  }

  @Override
  public void disconnectSockets(BroadcastOptions opts, boolean close) {
    children().forEach(c -> c.adapter().disconnectSockets(opts, close));
  }

  @Override
  public Map<String, Set<String>> rooms() {
    Map<String, Set<String>> all = new LinkedHashMap<>();
    children().forEach(c -> all.putAll(c.adapter().rooms()));
    return all;
  }

  @Override
  public void addRoomListener(RoomListener listener) {
    children().forEach(c -> c.adapter().addRoomListener(listener));
  }
}
