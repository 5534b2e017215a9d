package dev.sio4j.annotation.binding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.EngineSocket;
import dev.sio4j.socket.FakeEngineSocket;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

/**
 * Drives a {@link SocketIoServer} without an engine, as the socket layer's own tests do. Its engine-less constructor
 * and {@code attach} are package-private, so they are reached by reflection (see the report: the socket layer could
 * expose a public test hook instead).
 */
public final class TestServers {

  private static final Constructor<SocketIoServer> CONSTRUCTOR;
  private static final Method ATTACH;

  static {
    try {
      CONSTRUCTOR = SocketIoServer.class.getDeclaredConstructor(SocketIoOptions.class, EngineServer.class);
      CONSTRUCTOR.setAccessible(true);
      ATTACH = SocketIoServer.class.getDeclaredMethod("attach", EngineSocket.class);
      ATTACH.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TestServers() {}

  /** A server fed through {@link #open}. */
  public static SocketIoServer server() {
    try {
      return CONSTRUCTOR.newInstance(SocketIoOptions.defaults(), null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** A new engine session on {@code io}, not yet in any namespace. */
  public static FakeEngineSocket open(SocketIoServer io) {
    FakeEngineSocket conn = new FakeEngineSocket();
    try {
      ATTACH.invoke(io, conn);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return conn;
  }

  /** A session connected to {@code nsp} (with an optional auth JSON, e.g. {@code {"token":"x"}}). */
  public static FakeEngineSocket connect(SocketIoServer io, String nsp, String authJson) {
    FakeEngineSocket conn = open(io);
    String prefix = "/".equals(nsp) ? "" : nsp + ",";
    conn.receive("0" + prefix + (authJson == null ? "" : authJson));
    String answer = conn.nextText();
    assertTrue(answer.startsWith("0" + prefix + "{\"sid\":"), "not a CONNECT answer: " + answer);
    return conn;
  }

  public static FakeEngineSocket connect(SocketIoServer io, String nsp) {
    return connect(io, nsp, null);
  }
}
