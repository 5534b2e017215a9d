package dev.sio4j.socket.adapter;

import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.SocketPacket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The single-node {@link Adapter} (Node's {@code InMemoryAdapter}): rooms in memory, broadcasts encoded once and the
 * same {@link EncodedPacket} handed to every recipient.
 *
 * <p>Thread safe: the room maps are guarded by this instance's lock; packets are written and listeners called
 * outside it.
 */
public class InMemoryAdapter implements Adapter {

  /**
   * Initial capacity of a socket's room set and of a room's member set: most hold one or two entries (every socket
   * is in its own room, alone), so a 4-slot table instead of the default 16 saves about 50 bytes per set and per
   * connection twice; bigger sets grow as usual.
   */
  private static final int SMALL_SET = 4;

  private final AdapterNamespace nsp;
  /** room → socket ids. */
  private final Map<String, Set<String>> rooms = new HashMap<>();
  /** socket id → rooms. */
  private final Map<String, Set<String>> sids = new LinkedHashMap<>();
  private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();

  /** Creates the adapter of a namespace. */
  public InMemoryAdapter(AdapterNamespace nsp) {
    this.nsp = nsp;
  }

  /** The namespace this adapter serves. */
  protected AdapterNamespace namespace() {
    return nsp;
  }

  @Override
  public void addAll(String id, Set<String> newRooms) {
    List<Runnable> events = new ArrayList<>();
    synchronized (this) {
      Set<String> mine = sids.computeIfAbsent(id, k -> new LinkedHashSet<>(SMALL_SET));
      for (String room : newRooms) {
        mine.add(room);
        Set<String> members = rooms.get(room);
        if (members == null) {
          members = new LinkedHashSet<>(SMALL_SET);
          rooms.put(room, members);
          events.add(() -> listeners.forEach(l -> l.onCreateRoom(room)));
        }
        if (members.add(id)) {
          events.add(() -> listeners.forEach(l -> l.onJoinRoom(room, id)));
        }
      }
    }
    events.forEach(Runnable::run);
  }

  @Override
  public void del(String id, String room) {
    List<Runnable> events = new ArrayList<>();
    synchronized (this) {
      Set<String> mine = sids.get(id);
      if (mine != null) {
        mine.remove(room);
      }
      removeFromRoom(id, room, events);
    }
    events.forEach(Runnable::run);
  }

  @Override
  public void delAll(String id) {
    List<Runnable> events = new ArrayList<>();
    synchronized (this) {
      Set<String> mine = sids.remove(id);
      if (mine != null) {
        for (String room : mine) {
          removeFromRoom(id, room, events);
        }
      }
    }
    events.forEach(Runnable::run);
  }

  private void removeFromRoom(String id, String room, List<Runnable> events) {
    Set<String> members = rooms.get(room);
    if (members != null && members.remove(id)) {
      events.add(() -> listeners.forEach(l -> l.onLeaveRoom(room, id)));
      if (members.isEmpty()) {
        rooms.remove(room);
        events.add(() -> listeners.forEach(l -> l.onDeleteRoom(room)));
      }
    }
  }

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    SocketPacket own = new SocketPacket(packet.type(), nsp.name(), packet.data(), packet.id());
    deliver(own, nsp.encoder().encode(own), opts);
  }

  /** Writes a packet of this namespace, encoded once, to each selected local socket. */
  protected void deliver(SocketPacket own, EncodedPacket encoded, BroadcastOptions opts) {
    apply(opts, socket -> socket.write(own, encoded, opts.flags()));
  }

  @Override
  public void broadcastWithAck(SocketPacket packet, BroadcastOptions opts, IntConsumer clientCountCallback,
      Consumer<List<Object>> ack) {
    // one id for every recipient: the namespace counter is shared, so it collides with no pending ack
    SocketPacket own = new SocketPacket(packet.type(), nsp.name(), packet.data(), nsp.nextAckId());
    EncodedPacket encoded = nsp.encoder().encode(own);
    int[] count = {0};
    apply(opts, socket -> {
      if (socket.writeWithAck(own, encoded, opts.flags(), ack)) {
        count[0]++;
      }
    });
    clientCountCallback.accept(count[0]);
  }

  /** Runs {@code action} for each selected local socket, outside the lock. */
  protected void apply(BroadcastOptions opts, Consumer<AdapterSocket> action) {
    for (String id : fetchSockets(opts)) {
      AdapterSocket socket = nsp.socket(id);
      if (socket != null) {
        action.accept(socket);
      }
    }
  }

  @Override
  public synchronized List<String> fetchSockets(BroadcastOptions opts) {
    Set<String> except = new HashSet<>();
    for (String room : opts.except()) {
      Set<String> members = rooms.get(room);
      if (members != null) {
        except.addAll(members);
      }
    }
    List<String> out = new ArrayList<>();
    if (opts.rooms().isEmpty()) {
      for (String id : sids.keySet()) {
        if (!except.contains(id)) {
          out.add(id);
        }
      }
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (String room : opts.rooms()) {
      Set<String> members = rooms.get(room);
      if (members == null) {
        continue;
      }
      for (String id : members) {
        if (!except.contains(id) && seen.add(id)) {
          out.add(id);
        }
      }
    }
    return out;
  }

  @Override
  public Set<String> sockets(Set<String> inRooms) {
    return new LinkedHashSet<>(fetchSockets(new BroadcastOptions(inRooms, Set.of(), BroadcastFlags.NONE)));
  }

  /** This node's sockets selected by {@code opts}, with their handshakes, rooms and data. */
  @Override
  public CompletionStage<List<SocketDetails>> fetchClusterSockets(BroadcastOptions opts) {
    return CompletableFuture.completedFuture(localSocketDetails(opts));
  }

  /** This node's sockets selected by {@code opts}, with their handshakes, rooms and data (no locking held). */
  protected List<SocketDetails> localSocketDetails(BroadcastOptions opts) {
    List<SocketDetails> out = new ArrayList<>();
    for (String id : fetchSockets(opts)) {
      AdapterSocket socket = nsp.socket(id);
      out.add(socket == null
          ? new SocketDetails(id, null, socketRooms(id), Map.of())
          : new SocketDetails(id, socket.handshake(), socketRooms(id), socket.data()));
    }
    return out;
  }

  @Override
  public synchronized Set<String> socketRooms(String id) {
    Set<String> mine = sids.get(id);
    return mine == null ? Set.of() : new LinkedHashSet<>(mine);
  }

  @Override
  public void addSockets(BroadcastOptions opts, Set<String> newRooms) {
    for (String id : fetchSockets(opts)) {
      addAll(id, newRooms);
    }
  }

  @Override
  public void delSockets(BroadcastOptions opts, Set<String> oldRooms) {
    for (String id : fetchSockets(opts)) {
      for (String room : oldRooms) {
        del(id, room);
      }
    }
  }

  @Override
  public void disconnectSockets(BroadcastOptions opts, boolean close) {
    apply(opts, socket -> socket.disconnect(close));
  }

  @Override
  public synchronized Map<String, Set<String>> rooms() {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    rooms.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    return copy;
  }

  @Override
  public void addRoomListener(RoomListener listener) {
    listeners.add(listener);
  }
}
