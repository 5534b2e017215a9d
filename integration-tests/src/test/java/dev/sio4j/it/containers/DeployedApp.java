package dev.sio4j.it.containers;

import java.net.URI;

/**
 * A WAR deployed and running in one container. Closing it stops the container.
 *
 * <p>Not thread safe: one test class starts, uses and closes it.
 */
interface DeployedApp extends AutoCloseable {

  /** The URL of the application, ending with the context path and a slash (e.g. {@code http://127.0.0.1:1234/sio4j-sample/}). */
  URI url();

  /** Stops the container (and its process, if any); logs stay under {@link Layout#containers()}. */
  @Override
  void close() throws Exception;
}
