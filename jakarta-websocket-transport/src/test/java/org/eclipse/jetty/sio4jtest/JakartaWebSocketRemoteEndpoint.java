package org.eclipse.jetty.sio4jtest;

/**
 * Test double with the shape {@code FrameBatching} looks for in Jetty 12 (a class of that name under
 * {@code org.eclipse.jetty.} with an instance field {@code boolean batch}); the real class is measured by the
 * benchmarks and exercised by the integration tests.
 */
public class JakartaWebSocketRemoteEndpoint {
  protected boolean batch;

  /** What the field holds now. */
  public boolean batch() {
    return batch;
  }
}
