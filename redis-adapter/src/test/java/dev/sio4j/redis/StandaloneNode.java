package dev.sio4j.redis;

import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import dev.sio4j.standalone.StandaloneServer;
import java.time.Duration;

/**
 * A real Java server node on the standalone runtime (Netty, no container) on a free port of 127.0.0.1, with the
 * Redis adapter; clients are handled as on {@link JettyNode} (room and name from the auth, then {@code welcome}).
 */
final class StandaloneNode implements AutoCloseable {

  final RedisAdapterFactory redis;
  final SocketIoServer io;
  private final StandaloneServer server;

  StandaloneNode(String redisUri, String key) {
    redis = RedisAdapterFactory.create(redisUri,
        RedisAdapterOptions.builder().key(key).requestsTimeout(Duration.ofSeconds(5)).build());
    io = new SocketIoServer(SocketIoOptions.builder().adapterFactory(redis).build());
    io.onConnection(socket -> {
      ClusterNode.joinRoomAndName(socket);
      socket.emit("welcome");
    });
    ClusterNode.await(redis.adapter("/").ready());
    server = StandaloneServer.builder().serve(io).host("127.0.0.1").port(0).start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
      io.close();
    } finally {
      redis.close();
    }
  }
}
