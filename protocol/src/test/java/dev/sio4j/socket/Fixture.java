package dev.sio4j.socket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared helpers of the socket-layer tests (Node's test/support/util.ts). */
final class Fixture {

  private static final Pattern SID = Pattern.compile("^0(?:/[^,]*,)?\\{\"sid\":\"([A-Za-z0-9_-]+)\"}$");

  private Fixture() {}

  /** A server without an engine, fed through {@link SocketIoServer#attach}. */
  static SocketIoServer server() {
    return server(SocketIoOptions.defaults());
  }

  static SocketIoServer server(SocketIoOptions options) {
    return new SocketIoServer(options, null);
  }

  /** A new engine session, not yet connected to any namespace. */
  static FakeEngineSocket open(SocketIoServer io) {
    FakeEngineSocket conn = new FakeEngineSocket();
    io.attach(conn);
    return conn;
  }

  /** A session connected to the main namespace; returns after the CONNECT answer. */
  static FakeEngineSocket connect(SocketIoServer io) {
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    sidOf(conn.nextText());
    return conn;
  }

  /** A session connected to a namespace. */
  static FakeEngineSocket connect(SocketIoServer io, String nsp) {
    FakeEngineSocket conn = open(io);
    conn.receive("0" + nsp + ",");
    sidOf(conn.nextText());
    return conn;
  }

  /** A session connected to the main namespace with the auth {@code {"name": name}}. */
  static FakeEngineSocket connectAs(SocketIoServer io, String name) {
    FakeEngineSocket conn = open(io);
    conn.receive("0{\"name\":\"" + name + "\"}");
    sidOf(conn.nextText());
    return conn;
  }

  /** The socket id from a CONNECT answer, asserting its exact form. */
  static String sidOf(String connectAnswer) {
    Matcher m = SID.matcher(connectAnswer);
    assertTrue(m.matches(), "not a CONNECT answer: " + connectAnswer);
    return m.group(1);
  }

  /** Waits for a stage (10 s). */
  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Waits for a stage to fail and returns the cause. */
  static Throwable awaitFailure(CompletionStage<?> stage) {
    CompletableFuture<Throwable> cause = new CompletableFuture<>();
    stage.whenComplete((v, e) -> cause.complete(e));
    Throwable e = await(cause);
    assertTrue(e != null, "expected a failure");
    return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  static Duration ms(long n) {
    return Duration.ofMillis(n);
  }
}
