package dev.sio4j.engine;

import java.util.concurrent.ScheduledFuture;

/**
 * An upgrade in progress: the WebSocket that may take over a polling session, and the {@code upgradeTimeout} timer
 * that closes it if the client never completes the probe ({@code 2probe}, {@code 3probe}, {@code 5}).
 */
record UpgradeProbe(WebSocketTransport webSocket, ScheduledFuture<?> timer) {

  void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
