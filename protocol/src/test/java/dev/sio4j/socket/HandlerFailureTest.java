package dev.sio4j.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.DisconnectReason;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever an application callback throws (an {@link Error}, a checked exception thrown sneakily) is logged once at
 * WARNING with the socket and the event, and the session goes on: later events are handled, the disconnect runs and
 * the socket leaves its namespace, with or without an executor, and when the executor refuses work.
 */
class HandlerFailureTest {

  private final Logger socketLogger = Logger.getLogger("dev.sio4j.socket");
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private ExecutorService pool;

  @BeforeEach
  void captureWarnings() {
    socketLogger.addHandler(capture);
  }

  @AfterEach
  void release() {
    socketLogger.removeHandler(capture);
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  static Stream<Throwable> failures() {
    return Stream.of(new AssertionError("boom"), new IOException("boom (sneaky)"), new IllegalStateException("boom"));
  }

  /** Throws {@code t} whatever its type: what a lambda calling checked-exception code through a helper does. */
  @SuppressWarnings("unchecked")
  static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  private Executor newPool() {
    pool = Executors.newFixedThreadPool(2);
    return pool;
  }

  @ParameterizedTest
  @MethodSource("failures")
  void withoutExecutorTheSessionGoesOn(Throwable failure) {
    assertSessionSurvives(Fixture.server(), failure);
  }

  @ParameterizedTest
  @MethodSource("failures")
  void withAnExecutorTheSessionGoesOn(Throwable failure) {
    assertSessionSurvives(Fixture.server(SocketIoOptions.builder().executor(newPool()).build()), failure);
  }

  @ParameterizedTest
  @MethodSource("failures")
  void whenTheExecutorRefusesWorkTheEventsRunOnTheCallingThread(Throwable failure) {
    Executor refusing = r -> {
      throw new RejectedExecutionException("saturated");
    };
    assertSessionSurvives(Fixture.server(SocketIoOptions.builder().executor(refusing).build()), failure);
  }

  private void assertSessionSurvives(SocketIoServer io, Throwable failure) {
    CompletableFuture<Socket> connected = new CompletableFuture<>();
    CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
    io.onConnection(s -> {
      s.on("boom", (args, ack) -> sneakyThrow(failure));
      s.on("ping", (args, ack) -> s.emit("pong"));
      s.onDisconnect(reason -> disconnected.complete(null));
      connected.complete(s);
    });
    FakeEngineSocket conn = Fixture.connect(io);
    Socket socket = Fixture.await(connected);
    conn.receive("2[\"boom\"]");
    conn.receive("2[\"ping\"]");
    assertEquals("2[\"pong\"]", conn.nextText()); // the event after the failure is handled
    conn.closeWith(DisconnectReason.TRANSPORT_CLOSE);
    Fixture.await(disconnected); // onDisconnect runs
    assertTrue(io.of("/").sockets().isEmpty(), "the socket left its namespace");
    List<LogRecord> handlerFailures = warnings.stream().filter(r -> r.getThrown() == failure).toList();
    assertEquals(1, handlerFailures.size(), "logged once");
    String message = handlerFailures.get(0).getMessage();
    assertTrue(message.contains(socket.id()) && message.contains("'boom'"), message);
  }

  @Test
  void aMiddlewareThatThrowsAnErrorFailsTheEventAndTheSessionGoesOn() {
    SocketIoServer io = Fixture.server(SocketIoOptions.builder().executor(newPool()).build());
    CompletableFuture<Throwable> reported = new CompletableFuture<>();
    AssertionError failure = new AssertionError("middleware boom");
    io.onConnection(s -> {
      s.use((event, next) -> {
        if ("boom".equals(event.get(0))) {
          throw failure;
        }
        next.proceed();
      });
      s.onError(reported::complete);
      s.on("ping", (args, ack) -> s.emit("pong"));
    });
    FakeEngineSocket conn = Fixture.connect(io);
    conn.receive("2[\"boom\"]");
    assertSame(failure, Fixture.await(reported)); // as next.fail(error)
    conn.receive("2[\"ping\"]");
    assertEquals("2[\"pong\"]", conn.nextText());
  }

  @Test
  void aConnectionMiddlewareThatThrowsAnErrorRefusesTheConnection() {
    SocketIoServer io = Fixture.server(SocketIoOptions.builder().executor(newPool()).build());
    io.of("/").use((socket, next) -> sneakyThrow(new IOException("no database")));
    FakeEngineSocket conn = Fixture.open(io);
    conn.receive("0");
    assertEquals("4{\"message\":\"no database\"}", conn.nextText());
  }

  @Test
  void anAckCallbackThatThrowsStopsNothing() {
    SocketIoServer io = Fixture.server(SocketIoOptions.builder().executor(newPool()).build());
    CompletableFuture<Socket> connected = new CompletableFuture<>();
    io.onConnection(s -> {
      s.on("ping", (args, ack) -> s.emit("pong"));
      connected.complete(s);
    });
    FakeEngineSocket conn = Fixture.connect(io);
    Fixture.await(connected).emit("ask", (AckCallback) (error, args) -> sneakyThrow(new AssertionError("ack boom")));
    assertEquals("20[\"ask\"]", conn.nextText());
    conn.receive("30[\"answer\"]");
    conn.receive("2[\"ping\"]");
    assertEquals("2[\"pong\"]", conn.nextText());
  }

  @Test
  void aVirtualMachineErrorPassesThroughTheSerialExecutorWithoutWedgingIt() {
    ArrayDeque<Runnable> submitted = new ArrayDeque<>();
    SerialExecutor serial = new SerialExecutor(submitted::add);
    List<String> ran = new CopyOnWriteArrayList<>();
    serial.execute(() -> {
      throw new OutOfMemoryError("test");
    });
    serial.execute(() -> ran.add("after"));
    assertThrows(OutOfMemoryError.class, () -> submitted.poll().run());
    submitted.poll().run(); // the rest went to a new drain
    assertEquals(List.of("after"), ran);
    serial.execute(() -> ran.add("later"));
    submitted.poll().run();
    assertEquals(List.of("after", "later"), ran);
  }
}
