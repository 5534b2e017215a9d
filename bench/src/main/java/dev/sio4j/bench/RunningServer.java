package dev.sio4j.bench;

/** A started embedded container. Close it to stop it. */
interface RunningServer extends AutoCloseable {

  /** The port actually bound. */
  int port();

  /** Stops the container. */
  @Override
  void close() throws Exception;
}
