package dev.sio4j.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.socket.SocketIoServer;
import dev.sio4j.standalone.StandaloneServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The admin namespace with the official Node client ({@code admin-client.mjs}), as the Admin UI uses it: login refused
 * with a wrong password; with the right one, the events {@code session}, {@code config}, {@code all_sockets} and
 * {@code server_stats} in Node's shapes, and a {@code join} action that puts the application socket in the room.
 */
class AdminUiIT {

  static final String PASSWORD = "s3cret";
  static SocketIoServer io;
  static StandaloneServer server;
  static AdminUi admin;

  @BeforeAll
  static void start() {
    io = new SocketIoServer();
    io.onConnection(socket -> socket.on("rooms?", (args, ack) -> ack.send(new ArrayList<>(socket.rooms()))));
    admin = AdminUi.instrument(io, AdminUiOptions.builder()
        .basicAuth("admin", BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4))).serverId("it-node").build());
    server = StandaloneServer.listen(io, 0);
  }

  @AfterAll
  static void stop() {
    admin.close();
    server.close();
  }

  static String run(String... args) throws IOException, InterruptedException {
    Path js = Path.of(System.getProperty("sio4j.js.dir", "src/test/js"));
    List<String> cmd = new ArrayList<>(List.of("node", "admin-client.mjs", "http://127.0.0.1:" + server.port()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(js.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void wrongPasswordIsRefusedWithNodesMessage() throws Exception {
    assertEquals("{\"connected\":false,\"message\":\"invalid credentials\"}", run("admin", "wrong", "refused"));
    assertEquals("{\"connected\":false,\"message\":\"invalid credentials\"}", run("nobody", PASSWORD, "refused"));
  }

  @Test
  void eventsHaveNodesShapesAndJoinReachesTheSocket() throws Exception {
    String out = run("admin", PASSWORD, "shapes");
    assertTrue(out.matches(".*\"session\":\"[0-9a-f]{16}\".*"), out);
    assertTrue(out.contains("\"config\":{\"supportedFeatures\":[\"EMIT\",\"JOIN\",\"LEAVE\",\"DISCONNECT\",\"MJOIN\","
        + "\"MLEAVE\",\"MDISCONNECT\",\"AGGREGATED_EVENTS\",\"ALL_EVENTS\"]}"), out);
    // all_sockets: the application socket (polling) with Node's fields in Node's order, beside the admin socket
    assertTrue(out.matches(".*\"all_sockets\":\\[.*\\{\"id\":\"[^\"]+\",\"clientId\":\"[^\"]{12}\",\"transport\":"
        + "\"polling\",\"nsp\":\"/\",\"data\":\\{},\"handshake\":\\{\"address\":\"[^\"]+\",\"headers\":\\{.*"
        + "\"query\":\\{.*\"EIO\":\"4\".*},\"issued\":\\d+,\"secure\":false,\"time\":\"[^\"]+\",\"url\":\"/socket.io/"
        + "[^\"]*\",\"xdomain\":(true|false)},\"rooms\":\\[\"[^\"]+\"]}.*"), out);
    assertTrue(out.matches(".*\"server_stats\":\\{\"serverId\":\"it-node\",\"hostname\":\"[^\"]+\",\"pid\":\\d+,"
        + "\"uptime\":[\\d.]+,\"clientsCount\":2,\"pollingClientsCount\":1,\"aggregatedEvents\":\\[.*\"type\":"
        + "\"rawConnection\".*],\"namespaces\":\\[.*\\{\"name\":\"/admin\",\"socketsCount\":1}.*].*"), out);
    assertTrue(out.matches(".*\"room_joined\":\\{\"nsp\":\"/\",\"room\":\"from-ui\",\"id\":\"([^\"]+)\",\"ts\":"
        + "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\",\"appId\":\"\\1\"}.*"), out);
    assertTrue(out.matches(".*\"appRooms\":\\[[^]]*\"from-ui\"[^]]*].*"), out);
  }

  @Test
  void aPasswordThatIsNoBcryptHashIsRefusedAtStartUp() {
    assertThrows(IllegalArgumentException.class, () -> AdminUiOptions.builder().basicAuth("admin", "plain").build());
    assertThrows(IllegalStateException.class, () -> AdminUiOptions.builder().build());
  }
}
