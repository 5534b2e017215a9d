package dev.sio4j.socket.adapter;

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
 * those packets for {@code maxDisconnectionDuration} (at most {@code maxPackets}), keeps the sessions of
 * disconnected sockets as long (at most {@code maxSessions}), and hands a session its missed packets back once.
 * Expired entries are removed on the server's shared scheduler (every minute, or more often for short durations).
 *
 * <p>Thread safe. Offsets are assigned in call order; two threads broadcasting at once may still reach a client in
 * the other order, in which case a recovering client may get one packet twice.
 */
public class SessionAwareAdapter extends InMemoryAdapter {

  private final long maxDisconnectionNanos;
  private final int maxPackets;
  private final int maxSessions;
  private final LongSupplier clock;
  /** pid → session, oldest first. Guarded by itself. */
  private final Map<String, Stored> sessions = new LinkedHashMap<>();
  /** Persisted packets, oldest first, offsets increasing by one. Guarded by itself. */
  private final ArrayDeque<Persisted> packets = new ArrayDeque<>();
  private long nextOffset;
  private volatile ScheduledFuture<?> cleaner;

  /** Creates the adapter of a namespace with the given bounds. */
  public SessionAwareAdapter(AdapterNamespace nsp, Duration maxDisconnectionDuration, int maxPackets,
      int maxSessions) {
    this(nsp, maxDisconnectionDuration, maxPackets, maxSessions, System::nanoTime);
  }

  SessionAwareAdapter(AdapterNamespace nsp, Duration maxDisconnectionDuration, int maxPackets, int maxSessions,
      LongSupplier clock) {
    super(nsp);
    this.maxDisconnectionNanos = maxDisconnectionDuration.toNanos();
    this.maxPackets = maxPackets;
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
    if (packet.type() == PacketType.EVENT && packet.id() == null && !opts.flags().isVolatile()
        && packet.data() instanceof List<?> data) {
      List<Object> withOffset = new ArrayList<>(data.size() + 1);
      withOffset.addAll(data);
      synchronized (packets) {
        String offset = Long.toString(nextOffset++, 36);
        withOffset.add(offset); // last, so the client knows the last packet it processed (as Node)
        packets.addLast(new Persisted(offset, opts, withOffset, clock.getAsLong()));
        if (packets.size() > maxPackets) {
          packets.removeFirst();
        }
      }
      packet = new SocketPacket(packet.type(), packet.namespace(), withOffset, null);
    }
    super.broadcast(packet, opts);
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
    List<List<Object>> missed = new ArrayList<>();
    boolean found = false;
    synchronized (packets) {
      for (Persisted p : packets) {
        if (found) {
          if (p.isFor(stored.session)) {
            missed.add(p.data);
          }
        } else if (p.offset.equals(offset)) {
          found = true;
        }
      }
    }
    // an offset no longer kept may hide missed packets: recovering then would lose them silently
    return CompletableFuture.completedFuture(found ? stored.session.withMissedPackets(missed) : null);
  }

  /** Drops expired sessions and packets. */
  void removeExpired() {
    long threshold = clock.getAsLong() - maxDisconnectionNanos;
    synchronized (sessions) {
      sessions.values().removeIf(s -> s.disconnectedAt - threshold < 0);
    }
    synchronized (packets) {
      while (!packets.isEmpty() && packets.peekFirst().emittedAt - threshold < 0) {
        packets.removeFirst();
      }
    }
  }

  int bufferedPackets() {
    synchronized (packets) {
      return packets.size();
    }
  }

  int storedSessions() {
    synchronized (sessions) {
      return sessions.size();
    }
  }

  private record Stored(Session session, long disconnectedAt) {}

  private record Persisted(String offset, BroadcastOptions opts, List<Object> data, long emittedAt) {
    /** Node's {@code shouldIncludePacket}: the session was in a target room and in no excluded one. */
    boolean isFor(Session session) {
      boolean included = opts.rooms().isEmpty() || session.rooms().stream().anyMatch(opts.rooms()::contains);
      boolean excluded = session.rooms().stream().anyMatch(opts.except()::contains);
      return included && !excluded;
    }
  }
}
