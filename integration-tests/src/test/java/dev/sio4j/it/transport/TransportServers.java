package dev.sio4j.it.transport;

import dev.sio4j.it.Container;
import dev.sio4j.it.Servers;

/**
 * The {@link TransportApp} servers of this package: one per container ({@link Servers}: started on a free port on first
 * use, stopped when the test JVM exits), dedicated, so blocking their timer threads disturbs no other test.
 */
final class TransportServers {

  private TransportServers() {}

  static Servers.Running<TransportApp> of(Container container) {
    return Servers.of(container, TransportApp.class, TransportApp::new, TransportApp::install, TransportApp::close);
  }
}
