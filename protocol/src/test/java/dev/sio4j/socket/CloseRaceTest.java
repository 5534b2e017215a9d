package dev.sio4j.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.transport.WebSocketHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Races between a connection closing and work on another thread, each repeated until the old code failed it every
 * run (real engine sessions over the WebSocket SPI): no socket stays registered after its connection closed, and
 * every acknowledgement future completes.
 */
class CloseRaceTest {

  /** Rounds of each race: the old code failed the first within 100 rounds, the second within 2,000. */
  private static final int ROUNDS = 10_000;

  private final ExecutorService other = Executors.newSingleThreadExecutor();
  private SocketIoServer io;

  @AfterEach
  void tearDown() {
    other.shutdownNow();
    if (io != null) {
      io.close();
    }
  }

  private static EngineRequest webSocketRequest() {
    return new EngineRequest("GET", "/socket.io/?EIO=4&transport=websocket",
        Map.of("EIO", List.of("4"), "transport", List.of("websocket")), Map.of(), "127.0.0.1", false, Map.of());
  }

  private WebSocketHandler open(RecordingWebSocketChannel channel) {
    WebSocketHandler handler = io.engine().handleWebSocket(webSocketRequest(), channel);
    channel.nextText(); // the open packet
    return handler;
  }

  /** Runs {@code task} on the other thread once both threads reached the barrier. */
  private CompletableFuture<Void> together(CyclicBarrier start, Runnable task) {
    return CompletableFuture.runAsync(() -> {
      try {
        start.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      task.run();
    }, other);
  }

  private static void await(CyclicBarrier start) {
    try {
      start.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aMiddlewareThatProceedsWhileTheConnectionClosesLeavesNoSocketBehind() {
    io = new SocketIoServer(SocketIoOptions.defaults());
    AtomicReference<Middleware.Next> pending = new AtomicReference<>();
    io.use((socket, next) -> pending.set(next)); // proceeds later, on another thread (as an async check would)
    AtomicInteger connected = new AtomicInteger();
    io.onConnection(socket -> connected.incrementAndGet());
    for (int i = 0; i < ROUNDS; i++) {
      RecordingWebSocketChannel channel = new RecordingWebSocketChannel();
      WebSocketHandler handler = open(channel);
      handler.onText("40");
      Middleware.Next next = pending.getAndSet(null);
      CyclicBarrier start = new CyclicBarrier(2);
      CompletableFuture<Void> proceeded = together(start, next::proceed);
      await(start);
      handler.onClose(1006, "abnormal");
      Fixture.await(proceeded);
      int round = i;
      assertEquals(Map.of(), io.of("/").sockets(), () -> "round " + round + ": a socket outlived its connection");
      assertEquals(Map.of(), io.of("/").adapter().rooms(), () -> "round " + round + ": rooms outlived the connection");
    }
    assertTrue(connected.get() < ROUNDS, "the race never let the close win; the test proves nothing");
  }

  @Test
  void anAckEmittedWhileTheConnectionClosesAlwaysCompletes() {
    io = new SocketIoServer(SocketIoOptions.defaults());
    LinkedBlockingQueue<Socket> sockets = new LinkedBlockingQueue<>();
    io.onConnection(sockets::add);
    for (int i = 0; i < ROUNDS; i++) {
      RecordingWebSocketChannel channel = new RecordingWebSocketChannel();
      WebSocketHandler handler = open(channel);
      handler.onText("40");
      Socket socket = sockets.poll();
      CyclicBarrier start = new CyclicBarrier(2);
      AtomicReference<CompletionStage<List<Object>>> ack = new AtomicReference<>();
      CompletableFuture<Void> emitted = together(start, () -> ack.set(socket.emitWithAck("question")));
      await(start);
      handler.onClose(1006, "abnormal");
      Fixture.await(emitted);
      // both threads are done: the ack is failed by the disconnect, or at once for a socket already disconnected
      CompletableFuture<List<Object>> future = ack.get().toCompletableFuture();
      int round = i;
      assertTrue(future.isDone(), () -> "round " + round + ": an ack future was never completed");
      Throwable cause = Fixture.awaitFailure(future);
      assertEquals(AckException.Kind.DISCONNECTED, ((AckException) cause).kind(), cause::toString);
    }
  }
}
