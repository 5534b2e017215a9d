package dev.sio4j.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.annotation.binding.AnnotatedEndpoints;
import dev.sio4j.it.Container;
import dev.sio4j.it.LogCapture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a client can make the server log: one polling POST holding thousands of packets whose arguments do not bind
 * writes one WARNING line, not one per packet (issue 16: 76,846 lines from one 999 KB POST), while each packet is still
 * answered; and a server-side error logs the request path, never the query string and the tokens it may carry.
 */
class LogFloodIT {

  private static final int BAD_PACKETS = 20_000;

  /** An annotated endpoint whose {@code join} takes a record: {@code 42["join",1]} does not bind. */
  @SocketIoEndpoint("/typed")
  public static class TypedEndpoint {
    /** The argument of {@code join}. */
    public record Room(String name) {}

    @OnEvent("join")
    public String join(Room room) {
      return room.name();
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void thousandsOfBadArgumentsInOnePostLogOneWarning(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container, b -> b.maxHttpBufferSize(1_000_000));
        LogCapture logs = new LogCapture("dev.sio4j")) {
      AnnotatedEndpoints.register(server.io, new TypedEndpoint());
      String sid = Clients.openPolling(server.baseUrl());
      assertEquals(200, post(server, sid, "40/typed,").statusCode());
      assertTrue(Clients.get(server.baseUrl(), "&sid=" + sid).body().startsWith("40/typed,{"));

      StringBuilder flood = new StringBuilder();
      for (int i = 0; i < BAD_PACKETS; i++) {
        flood.append("42/typed,[\"join\",1]\u001e");
      }
      flood.append("42/typed,1[\"join\",{\"name\":\"still bound\"}]"); // handled after all the bad ones: an ack
      assertEquals(200, post(server, sid, flood.toString()).statusCode());
      assertEquals("43/typed,1[\"still bound\"]", Clients.get(server.baseUrl(), "&sid=" + sid).body());

      List<String> warnings = logs.atLeast(java.util.logging.Level.WARNING);
      assertTrue(warnings.size() <= 1, () -> warnings.size() + " warnings for one POST, first: "
          + warnings.stream().limit(3).toList());
      assertEquals(1, warnings.stream().filter(w -> w.contains("join")).count(), () -> "the first one is logged: "
          + warnings);
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void aServerSideErrorLogsThePathNotTheQueryWithItsToken(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container, b -> b.allowRequest(request -> {
      throw new IllegalStateException("a bug in the application's hook");
    }));
        LogCapture logs = new LogCapture("dev.sio4j")) {
      HttpResponse<String> r = Clients.get(server.baseUrl(), "&token=s3cr3t-t0ken");
      assertEquals(500, r.statusCode());
      List<String> lines = logs.mentioning("failed to serve");
      assertEquals(1, lines.size(), () -> "" + logs.mentioning(""));
      assertTrue(lines.get(0).contains("/socket.io/"), lines.get(0));
      assertFalse(logs.mentioning("").stream().anyMatch(l -> l.contains("s3cr3t")), () -> "the token was logged: "
          + logs.mentioning("s3cr3t"));
    }
  }

  private static HttpResponse<String> post(HostileServer server, String sid, String body) throws Exception {
    return Clients.post(server.baseUrl(), sid, body.getBytes(StandardCharsets.UTF_8));
  }
}
