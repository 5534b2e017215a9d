package dev.sio4j.engine;

import dev.sio4j.engine.transport.TransportType;
import java.nio.ByteBuffer;

/**
 * One Engine.IO session (Node's {@code engine.io} {@code Socket}): a client that completed the handshake, on whichever
 * transport it currently uses.
 *
 * <p>Thread safe: {@code send*} and {@link #close()} may be called from any thread; they never block. Outgoing
 * packets are queued and flushed in order by one writer at a time; the queue is bounded (see {@link #sendAll}).
 * Listener callbacks for one session are never invoked concurrently and keep their order: they are run one after the
 * other by whichever thread (container or timer) has work for the session, never while an engine lock is held, so a
 * callback may send to any session. The {@code connection} callback runs before any other callback.
 */
public interface EngineSocket {

  /** The session id ({@code sid}): unguessable, URL-safe. */
  String id();

  /** Where the session is in its life. */
  ReadyState readyState();

  /** The transport currently carrying the session (changes from polling to websocket on upgrade). */
  TransportType transport();

  /** The request that opened the session (handshake headers, query, remote address). */
  EngineRequest request();

  /** The Engine.IO protocol version the client speaks (4). */
  int protocol();

  /** Queues a text message. Dropped silently when the session is closing or closed. */
  void send(String text);

  /** Queues a binary message. The array must not be modified afterwards (it may be shared between sessions). */
  void send(byte[] data);

  /**
   * Queues a prepared message, whose wire form is encoded once however many sessions it is sent to (a broadcast).
   * Dropped silently when the session is closing or closed.
   */
  default void send(OutboundMessage message) {
    sendAll(message);
  }

  /**
   * Queues a text message and runs {@code onFlushed} once it has been written to the transport (Node's {@code send}
   * callback).
   */
  void send(String text, Runnable onFlushed);

  /**
   * Queues a prepared message (text or binary) and runs {@code onFlushed} once it has been written to the transport.
   * The default runs {@code onFlushed} right after queueing; sessions that know when a write completed override it.
   */
  default void send(OutboundMessage message, Runnable onFlushed) {
    send(message);
    onFlushed.run();
  }

  /**
   * Queues a batch of messages that must not be interleaved with other sends (a Socket.IO binary packet: its header
   * then its attachments). Each element is a {@link String} (text), a {@code byte[]} / {@link ByteBuffer} (binary), or
   * an {@link OutboundMessage}: pass the same {@code OutboundMessage} to many sessions (a broadcast) and it is encoded
   * once. If the batch would exceed {@link EngineOptions#maxBufferedPackets()} or
   * {@link EngineOptions#maxBufferedBytes()}, nothing is queued and the session closes with
   * {@link DisconnectReason#SLOW_CONSUMER}.
   */
  void sendAll(Object... messages);

  /**
   * Queues a message unless the session cannot take it right now (a "volatile" send): while an upgrade is in progress,
   * the outbound queue is not empty, or the transport cannot write at once (no pending long-poll, a WebSocket frame
   * still in flight) it is dropped. Accepts what {@link #sendAll} accepts, including a shared
   * {@link OutboundMessage}. Returns whether it was queued.
   */
  boolean sendVolatile(Object message);

  /** Closes the session with reason {@link DisconnectReason#FORCED_CLOSE}, after flushing what is queued. */
  void close();

  /** Adds a listener. Listeners added before the {@code connection} callback returns see every event. */
  void addListener(EngineSocketListener listener);

  /** Removes a listener. */
  void removeListener(EngineSocketListener listener);

  /** The states of a session. */
  enum ReadyState {
    /** Handshake in progress. */
    OPENING,
    /** Open: messages flow. */
    OPEN,
    /** Closing: flushing what is queued. */
    CLOSING,
    /** Closed. */
    CLOSED
  }
}
