package dev.sio4j.it;

import dev.sio4j.engine.EngineServer;
import dev.sio4j.socket.SocketIoServer;
import dev.sio4j.standalone.StandaloneServer;
import java.util.function.Consumer;

/** {@link Container#STANDALONE}: the mounted servers on one {@link StandaloneServer}. */
final class StandaloneContainer {

  private StandaloneContainer() {}

  static EmbeddedServer start(String host, int port, Consumer<Mount> setup) {
    StandaloneServer.Builder builder = StandaloneServer.builder().host(host).port(port);
    setup.accept(new Mount() {
      @Override
      public void serve(EngineServer engine) {
        builder.serve(engine);
      }

      @Override
      public void serve(SocketIoServer io) {
        builder.serve(io);
      }
    });
    StandaloneServer server = builder.start();
    return new EmbeddedServer() {
      @Override
      public int port() {
        return server.port();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
