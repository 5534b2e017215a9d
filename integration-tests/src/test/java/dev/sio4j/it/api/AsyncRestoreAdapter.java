package dev.sio4j.it.api;

import dev.sio4j.socket.ConnectionStateRecovery;
import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.Session;
import dev.sio4j.socket.adapter.SessionAwareAdapter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A session-aware adapter whose {@code restoreSession} completes on another thread, as one backed by a remote store
 * would (the SPI allows it; {@code missedPacketsSince} too): it tests the server's ordering around an asynchronous restore, not a store.
 */
final class AsyncRestoreAdapter extends SessionAwareAdapter {

  private static final ExecutorService STORE = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "async-restore-store");
    t.setDaemon(true);
    return t;
  });

  AsyncRestoreAdapter(AdapterNamespace nsp, ConnectionStateRecovery csr) {
    super(nsp, csr.maxDisconnectionDuration(), csr.maxBufferedPackets(), csr.maxBufferedBytes(), csr.maxSessions());
  }

  @Override
  public CompletionStage<Session> restoreSession(String pid, String offset) {
    return CompletableFuture.supplyAsync(() -> super.restoreSession(pid, offset).toCompletableFuture().join(), STORE);
  }

  @Override
  public CompletionStage<List<List<Object>>> missedPacketsSince(Session session, String offset) {
    return CompletableFuture.supplyAsync(() -> super.missedPacketsSince(session, offset).toCompletableFuture().join(),
        STORE);
  }
}
