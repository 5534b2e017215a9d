package dev.sio4j.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import java.lang.reflect.Proxy;
import org.eclipse.jetty.sio4jtest.JakartaWebSocketRemoteEndpoint;
import org.junit.jupiter.api.Test;

class FrameBatchingTest {

  /** A remote of the shape of Jetty 12's async remote: a subclass of JakartaWebSocketRemoteEndpoint. */
  static final class JettyShapedRemote extends JakartaWebSocketRemoteEndpoint {}

  @Test
  void aRemoteWithoutJettysBatchFieldIsNotBatched() {
    RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> null);
    assertNull(FrameBatching.of(remote));
  }

  @Test
  void theBatchFieldIsFoundInASuperclassAndSetPerFrame() {
    JettyShapedRemote remote = new JettyShapedRemote();
    FrameBatching batching = FrameBatching.forType(JettyShapedRemote.class);
    assertNotNull(batching);
    batching.set(remote, true);
    assertTrue(remote.batch());
    batching.set(remote, false);
    assertFalse(remote.batch());
  }

  @Test
  void aClassOfThatNameOutsideJettyIsNotTrusted() {
    assertNull(FrameBatching.forType(NotJetty.JakartaWebSocketRemoteEndpoint.class));
  }

  /** Same simple name and field, wrong package. */
  static final class NotJetty {
    static class JakartaWebSocketRemoteEndpoint {
      protected boolean batch;
    }
  }
}
