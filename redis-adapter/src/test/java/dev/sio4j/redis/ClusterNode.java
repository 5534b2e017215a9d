package dev.sio4j.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.socket.EngineFreeServers;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java server node of a test cluster: a {@link SocketIoServer} with the Redis adapter, fed by fake engine
 * sessions. A connecting client passes {@code {"room":…,"name":…}} as auth; the node joins it to that room and puts
 * the name into {@code socket.data}.
 */
final class ClusterNode implements AutoCloseable {

  private static final Pattern SID = Pattern.compile("^0\\{\"sid\":\"([A-Za-z0-9_-]+)\"}$");

  final RedisAdapterFactory redis;
  final SocketIoServer io;

  ClusterNode(String redisUri, String key, Duration requestsTimeout) {
    redis = RedisAdapterFactory.create(redisUri,
        RedisAdapterOptions.builder().key(key).requestsTimeout(requestsTimeout).build());
    io = EngineFreeServers.create(SocketIoOptions.builder().adapterFactory(redis).build());
    io.onConnection(ClusterNode::joinRoomAndName);
    await(adapter().ready());
  }

  RedisAdapter adapter() {
    return redis.adapter("/");
  }

  /** A client connected to the main namespace with {@code authJson} (e.g. {@code {"room":"r"}}). */
  Client connect(String authJson) {
    FakeEngineSocket conn = new FakeEngineSocket();
    EngineFreeServers.attach(io, conn);
    conn.receive(authJson == null ? "0" : "0" + authJson);
    Matcher m = SID.matcher(conn.await("0{"));
    assertTrue(m.matches());
    return new Client(conn, m.group(1));
  }

  /** Joins a connecting socket to the room of its auth and puts the auth's name into its data. */
  static void joinRoomAndName(Socket socket) {
    Object room = socket.handshake().auth().get("room");
    if (room != null) {
      socket.join(room.toString());
    }
    Object name = socket.handshake().auth().get("name");
    if (name != null) {
      socket.data().put("name", name);
    }
  }

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    io.close();
    redis.close();
  }

  /** A connected fake client. */
  record Client(FakeEngineSocket conn, String sid) {}
}
