package dev.sio4j.it.containers;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.json.JSONObject;

/**
 * One user of the sample chat through the official Java client ({@code io.socket:socket.io-client}): connects with a
 * nickname (polling, then upgrade to WebSocket), records every {@code message} and {@code online} it receives, and
 * every {@code connect} / {@code disconnect} (with its reason) in {@link #lifecycle}.
 *
 * <p>Thread safe for the test thread: the client's event thread only fills the queues.
 */
final class JavaChatClient implements AutoCloseable {

  static final long TIMEOUT_SECONDS = 20;

  private final Socket socket;
  final BlockingQueue<JSONObject> messages = new LinkedBlockingQueue<>();
  final BlockingQueue<String> online = new LinkedBlockingQueue<>();
  /** {@code "connect"} or {@code "disconnect: <reason>"}, in order. */
  final BlockingQueue<String> lifecycle = new LinkedBlockingQueue<>();

  private JavaChatClient(Socket socket) {
    this.socket = socket;
  }

  /** Connects to the chat at {@code page} (the chat page URL, with its context path) and waits until connected. */
  static JavaChatClient connect(URI page, String nickname) throws Exception {
    return connect(page, nickname, false, false);
  }

  /**
   * Like {@link #connect(URI, String)}; with {@code reconnect}, the client reconnects by itself after losing the
   * server (retrying every 250 to 1000 ms, so a restarted server is found soon); with {@code pollingOnly}, it never
   * upgrades. (Over WebSocket, engine.io-client 2.1.0 ignores the server's close frame: its OkHttp listener has no
   * {@code onClosing}, so it notices a stopped server only by its ping timeout, pingInterval + pingTimeout later.)
   */
  static JavaChatClient connect(URI page, String nickname, boolean reconnect, boolean pollingOnly) throws Exception {
    IO.Options o = new IO.Options();
    o.forceNew = true;
    o.reconnection = reconnect;
    if (pollingOnly) {
      o.transports = new String[] {"polling"};
    }
    o.reconnectionDelay = 250;
    o.reconnectionDelayMax = 1000;
    o.path = page.getPath() + "socket.io";
    o.auth = Map.of("nickname", nickname);
    Socket socket = IO.socket(URI.create(page.getScheme() + "://" + page.getAuthority()), o);
    JavaChatClient client = new JavaChatClient(socket);
    CompletableFuture<Void> connected = new CompletableFuture<>();
    socket.on(Socket.EVENT_CONNECT, args -> {
      client.lifecycle.add("connect");
      connected.complete(null);
    });
    socket.on(Socket.EVENT_DISCONNECT, args -> client.lifecycle.add("disconnect: " + (args.length > 0 ? args[0] : "")));
    socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
        new IllegalStateException(nickname + " could not connect: " + args[0])));
    socket.on("message", args -> client.messages.add((JSONObject) args[0]));
    socket.on("online", args -> client.online.add(args[0].toString()));
    socket.connect();
    try {
      connected.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      socket.close();
      throw e;
    }
    return client;
  }

  /** Emits an event with one object argument and returns the acknowledgement's first argument. */
  JSONObject emitWithAck(String event, JSONObject arg) throws Exception {
    CompletableFuture<Object[]> ack = new CompletableFuture<>();
    socket.emit(event, new Object[] {arg}, (Ack) ack::complete);
    return (JSONObject) ack.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)[0];
  }

  /** Waits for the next {@code online} list equal to {@code expected} (a JSON array as text); earlier ones are skipped. */
  void awaitOnline(String expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    String last = null;
    while (System.nanoTime() < deadline) {
      last = online.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (expected.equals(last)) {
        return;
      }
    }
    throw new TimeoutException("online never became " + expected + " (last " + last + ")");
  }

  /** The next {@link #lifecycle} event, waiting at most {@code seconds}. */
  String nextLifecycleEvent(long seconds) throws Exception {
    String e = lifecycle.poll(seconds, TimeUnit.SECONDS);
    if (e == null) {
      throw new TimeoutException("no connect/disconnect within " + seconds + " s");
    }
    return e;
  }

  /** The next {@code message} received. */
  JSONObject nextMessage() throws Exception {
    JSONObject m = messages.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (m == null) {
      throw new TimeoutException("no message within " + TIMEOUT_SECONDS + " s");
    }
    return m;
  }

  @Override
  public void close() {
    socket.close();
  }
}
