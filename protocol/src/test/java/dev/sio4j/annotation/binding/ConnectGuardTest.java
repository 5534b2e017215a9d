package dev.sio4j.annotation.binding;

import static dev.sio4j.annotation.binding.TestServers.connect;
import static dev.sio4j.annotation.binding.TestServers.open;
import static dev.sio4j.annotation.binding.TestServers.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.annotation.Auth;
import dev.sio4j.annotation.OnConnect;
import dev.sio4j.annotation.OnConnectGuard;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.ConnectionRefused;
import dev.sio4j.socket.FakeEngineSocket;
import dev.sio4j.socket.Handshake;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @OnConnectGuard} and {@code @OnConnect}: admission, refusal with data, typed auth. */
class ConnectGuardTest {

  public record Credentials(String token, int level) {}

  @SocketIoEndpoint("/secure")
  public static class Secure {
    final List<String> connected = new CopyOnWriteArrayList<>();

    @OnConnectGuard(message = "Not authorized")
    public boolean guard(@Auth Credentials credentials, Handshake handshake) {
      if (credentials.level() < 0) {
        throw new ConnectionRefused("Bad level", Map.of("code", 4001, "level", credentials.level()));
      }
      return "good".equals(credentials.token());
    }

    @OnConnect
    public void connected(Socket socket, Map<String, Object> auth) {
      connected.add(auth.get("token") + "@" + socket.namespace().name());
    }
  }

  private final SocketIoServer io = server();

  @Test
  void admitsWhatTheGuardAccepts() {
    Secure endpoint = new Secure();
    AnnotatedEndpoints.register(io, endpoint);
    connect(io, "/secure", "{\"token\":\"good\",\"level\":1}");
    assertEquals(List.of("good@/secure"), endpoint.connected);
  }

  @Test
  void falseRefusesWithTheConfiguredMessage() {
    Secure endpoint = new Secure();
    AnnotatedEndpoints.register(io, endpoint);
    FakeEngineSocket conn = open(io);
    conn.receive("0/secure,{\"token\":\"bad\",\"level\":1}");
    assertEquals("4/secure,{\"message\":\"Not authorized\"}", conn.nextText());
    assertTrue(endpoint.connected.isEmpty());
  }

  @Test
  void connectionRefusedCarriesItsData() {
    AnnotatedEndpoints.register(io, new Secure());
    FakeEngineSocket conn = open(io);
    conn.receive("0/secure,{\"token\":\"good\",\"level\":-1}");
    String answer = conn.nextText();
    assertTrue(answer.startsWith("4/secure,{\"message\":\"Bad level\",\"data\":{"), answer);
    assertTrue(answer.contains("\"code\":4001") && answer.contains("\"level\":-1"), answer);
  }

  @Test
  void anAuthPayloadThatDoesNotConvertIsRefusedWithAMessage() {
    AnnotatedEndpoints.register(io, new Secure());
    FakeEngineSocket conn = open(io);
    conn.receive("0/secure,{\"token\":\"good\",\"level\":\"high\"}");
    assertEquals("4/secure,{\"message\":\"invalid auth payload: expected Credentials\"}", conn.nextText());
  }

  @SocketIoEndpoint("/async")
  public static class AsyncGuard {
    final CompletableFuture<Boolean> verdict = new CompletableFuture<>();

    @OnConnectGuard
    public CompletionStage<Boolean> guard() {
      return verdict;
    }
  }

  @Test
  void anAsyncGuardDecidesLater() {
    AsyncGuard endpoint = new AsyncGuard();
    AnnotatedEndpoints.register(io, endpoint);
    FakeEngineSocket conn = open(io);
    conn.receive("0/async,");
    conn.assertExhausted();
    endpoint.verdict.complete(false);
    assertEquals("4/async,{\"message\":\"connection refused\"}", conn.nextText());
  }

  @SocketIoEndpoint("/broken")
  public static class Broken {
    public Broken() {
      throw new IllegalStateException("no database");
    }

    @OnConnect
    public void connected() {}
  }

  @Test
  void anEndpointThatCannotBeCreatedRefusesWithAServerError() {
    AnnotatedEndpoints.register(io, Broken.class);
    FakeEngineSocket conn = open(io);
    conn.receive("0/broken,");
    assertEquals("4/broken,{\"message\":\"server error\"}", conn.nextText());
  }

  @SocketIoEndpoint("/made")
  public static class Made {
    static final List<Made> INSTANCES = new CopyOnWriteArrayList<>();

    public Made() {
      INSTANCES.add(this);
    }

    @OnConnect
    public void connected() {}
  }

  @Test
  void theDefaultFactoryCreatesOneInstanceLazily() {
    Made.INSTANCES.clear();
    AnnotatedEndpoints.register(io, Made.class);
    assertTrue(Made.INSTANCES.isEmpty(), "created at registration");
    connect(io, "/made");
    connect(io, "/made");
    assertEquals(1, Made.INSTANCES.size());
  }
}
