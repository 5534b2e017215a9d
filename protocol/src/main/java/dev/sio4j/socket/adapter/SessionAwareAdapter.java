package dev.sio4j.socket.adapter;

import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.PacketType;
import dev.sio4j.socket.parser.SocketPacket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The single-node adapter used when connection state recovery is enabled (Node's {@code SessionAwareAdapter}): an
 * {@link InMemoryAdapter} that appends an offset to every EVENT it broadcasts without ack id and not volatile, keeps
 * those packets for {@code maxDisconnectionDuration} (at most {@code maxPackets} of them and {@code maxBytes} of
 * their encoded size), keeps the sessions of disconnected sockets as long (at most {@code maxSessions}), and hands a
 * session its missed packets back once. Expired entries are removed on the server's shared scheduler (every minute,
 * or more often for short durations).
 *
 * <p>Thread safe. A kept packet gets its offset, is stored and is written to its recipients under one lock, so
 * offsets reach every client in increasing order even when several threads broadcast or emit at once, and
 * {@link #missedPacketsSince} sees each broadcast either entirely (stored and written to the joined sockets) or not
 * at all.
 */
public class SessionAwareAdapter extends InMemoryAdapter {

  private final long maxDisconnectionNanos;
  private final int maxPackets;
  private final long maxBytes;
  private final int maxSessions;
  private final LongSupplier clock;
  /** pid → session, oldest first. Guarded by itself. */
  private final Map<String, Stored> sessions = new LinkedHashMap<>();
  /** Persisted packets, oldest first, offsets increasing by one. Guarded by itself. */
  private final ArrayDeque<Persisted> packets = new ArrayDeque<>();
  private long nextOffset;
  /** Sum of the kept packets' encoded sizes. Guarded by {@link #packets}. */
  private long bufferedBytes;
  private volatile ScheduledFuture<?> cleaner;

  /** Creates the adapter of a namespace with the given bounds and the default byte bound (16 MiB). */
  public SessionAwareAdapter(AdapterNamespace nsp, Duration maxDisconnectionDuration, int maxPackets,
      int maxSessions) {
    this(nsp, maxDisconnectionDuration, maxPackets, 16L << 20, maxSessions, System::nanoTime); // as the recovery default
  }

  /**
   * Creates the adapter of a namespace with the given bounds: {@code maxBytes} bounds the sum of the kept packets'
   * encoded sizes (text characters plus attachment bytes).
   */
  public SessionAwareAdapter(AdapterNamespace nsp, Duration maxDisconnectionDuration, int maxPackets, long maxBytes,
      int maxSessions) {
    this(nsp, maxDisconnectionDuration, maxPackets, maxBytes, maxSessions, System::nanoTime);
  }

  SessionAwareAdapter(AdapterNamespace nsp, Duration maxDisconnectionDuration, int maxPackets, long maxBytes,
      int maxSessions, LongSupplier clock) {
    super(nsp);
    this.maxDisconnectionNanos = maxDisconnectionDuration.toNanos();
    this.maxPackets = maxPackets;
    this.maxBytes = maxBytes;
    this.maxSessions = maxSessions;
    this.clock = clock;
  }

  @Override
  public void init() {
    long period = Math.min(TimeUnit.MINUTES.toNanos(1), maxDisconnectionNanos);
    cleaner = namespace().timer().scheduleAtFixedRate(this::removeExpired, period, period, TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    ScheduledFuture<?> c = cleaner;
    if (c != null) {
      c.cancel(false);
    }
  }

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    // packets with an ack id are not kept: the callback could not be restored on reconnection (as Node)
    if (packet.type() != PacketType.EVENT || packet.id() != null || opts.flags().isVolatile()
        || !(packet.data() instanceof List<?> data)) {
      super.broadcast(packet, opts);
      return;
    }
    List<Object> withOffset = new ArrayList<>(data.size() + 1);
    withOffset.addAll(data);
    synchronized (packets) {
      // the offset, the store and the writes under one lock: a client sees offsets in increasing order (its
      // last offset never points backwards), and a recovering socket's missedPacketsSince sees whole broadcasts
      String offset = Long.toString(nextOffset++, 36);
      withOffset.add(offset); // last, so the client knows the last packet it processed (as Node)
      SocketPacket own = new SocketPacket(packet.type(), namespace().name(), withOffset, null);
      EncodedPacket encoded = namespace().encoder().encode(own);
      long size = encoded.size();
      packets.addLast(new Persisted(offset, opts, withOffset, size, clock.getAsLong()));
      bufferedBytes += size;
      // a packet bigger than the whole bound is not kept either: a client that missed it is not recovered
      while (packets.size() > maxPackets || bufferedBytes > maxBytes) {
        bufferedBytes -= packets.removeFirst().size;
      }
      deliver(own, encoded, opts);
    }
  }

  @Override
  public void persistSession(Session session) {
    synchronized (sessions) {
      sessions.remove(session.pid());
      sessions.put(session.pid(), new Stored(session, clock.getAsLong()));
      if (sessions.size() > maxSessions) {
        Iterator<Stored> oldest = sessions.values().iterator();
        oldest.next();
        oldest.remove();
      }
    }
  }

  /**
   * {@inheritDoc} A session is handed out once (Node keeps it until it expires); the recovered socket persists it
   * again when it disconnects.
   */
  @Override
  public CompletionStage<Session> restoreSession(String pid, String offset) {
    Stored stored;
    synchronized (sessions) {
      stored = sessions.remove(pid);
    }
    if (stored == null || clock.getAsLong() - stored.disconnectedAt > maxDisconnectionNanos) {
      return CompletableFuture.completedFuture(null);
    }
    List<List<Object>> missed = packetsAfter(stored.session, offset);
    // an offset no longer kept may hide missed packets: recovering then would lose them silently
    return CompletableFuture.completedFuture(missed == null ? null : stored.session.withMissedPackets(missed));
  }

  /** {@inheritDoc} Read under the lock the broadcasts hold while they store and write. */
  @Override
  public CompletionStage<List<List<Object>>> missedPacketsSince(Session session, String offset) {
    return CompletableFuture.completedFuture(packetsAfter(session, offset));
  }

  /** The kept packets after {@code offset} that {@code session} would have received, or null if it is not kept. */
  private List<List<Object>> packetsAfter(Session session, String offset) {
    List<List<Object>> missed = new ArrayList<>();
    boolean found = false;
    synchronized (packets) {
      for (Persisted p : packets) {
        if (found) {
          if (p.isFor(session)) {
            missed.add(p.data);
          }
        } else if (p.offset.equals(offset)) {
          found = true;
        }
      }
    }
    return found ? missed : null;
  }

  /** Drops expired sessions and packets. */
  void removeExpired() {
    long threshold = clock.getAsLong() - maxDisconnectionNanos;
    synchronized (sessions) {
      sessions.values().removeIf(s -> s.disconnectedAt - threshold < 0);
    }
    synchronized (packets) {
      while (!packets.isEmpty() && packets.peekFirst().emittedAt - threshold < 0) {
        bufferedBytes -= packets.removeFirst().size;
      }
    }
  }

  int bufferedPackets() {
    synchronized (packets) {
      return packets.size();
    }
  }

  long bufferedBytes() {
    synchronized (packets) {
      return bufferedBytes;
    }
  }

  int storedSessions() {
    synchronized (sessions) {
      return sessions.size();
    }
  }

  private record Stored(Session session, long disconnectedAt) {}

  private record Persisted(String offset, BroadcastOptions opts, List<Object> data, long size, long emittedAt) {
    /** Node's {@code shouldIncludePacket}: the session was in a target room and in no excluded one. */
    boolean isFor(Session session) {
      boolean included = opts.rooms().isEmpty() || session.rooms().stream().anyMatch(opts.rooms()::contains);
      boolean excluded = session.rooms().stream().anyMatch(opts.except()::contains);
      return included && !excluded;
    }
  }
}
