package dev.sio4j.it;

/** A started embedded container serving one root context. Close it to stop it. */
public interface EmbeddedServer extends AutoCloseable {

  /** The port actually bound (useful when started on port 0). */
  int port();

  /** {@code http://127.0.0.1:<port>}. */
  default String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Stops the container. */
  @Override
  void close() throws Exception;
}
