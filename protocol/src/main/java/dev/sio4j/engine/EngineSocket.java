package dev.sio4j.engine;

import dev.sio4j.engine.transport.TransportType;
import java.nio.ByteBuffer;

/**
 * One Engine.IO session (Node's {@code engine.io} {@code Socket}): a client that completed the handshake, on whichever
 * transport it currently uses.
 *
 * <p>Thread safe: {@code send*} and {@link #close()} may be called from any thread; they never block. Outgoing
 * packets are queued and flushed in order by one writer at a time. Listener callbacks for one session are never
 * invoked concurrently.
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
   * Queues a text message and runs {@code onFlushed} once it has been written to the transport (Node's {@code send}
   * callback).
   */
  void send(String text, Runnable onFlushed);

  /**
   * Queues a batch of messages that must not be interleaved with other sends (a Socket.IO binary packet: its header
   * then its attachments). Each element is a {@link String} (text) or a {@code byte[]} / {@link ByteBuffer} (binary).
   */
  void sendAll(Object... messages);

  /**
   * Queues a message unless the session cannot take it right now (a "volatile" send): while an upgrade is in progress
   * or the outbound queue is not empty it is dropped. Returns whether it was queued.
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
