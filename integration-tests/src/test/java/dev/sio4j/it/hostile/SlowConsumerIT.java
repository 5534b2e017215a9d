package dev.sio4j.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sio4j.it.Container;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that stops reading while the server broadcasts: once its outbound queue passes maxBufferedPackets /
 * maxBufferedBytes the server closes it with {@code slow consumer} (the app's {@code disconnect} reason), while a
 * client that reads keeps receiving every packet. Volatile packets are dropped for the stalled client, not queued.
 */
class SlowConsumerIT {

  private static final int BATCH = 20;
  private static final int MAX_BATCHES = 3_000; // 60 MB: far more than any socket buffers hold
  private static final String PAYLOAD = "x".repeat(1024);

  @ParameterizedTest
  @EnumSource(Container.class)
  void stalledClientIsClosedAsSlowConsumerWhileOthersGetEverything(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container, b -> b.maxBufferedPackets(100)
        .maxBufferedBytes(256 * 1024));
        SioClient normal = SioClient.connect(server.port());
        SioClient stalled = connectWithSmallWindow(server.port())) {
      Semaphore received = new Semaphore(0);
      CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> readTicks(normal, received));
      CompletableFuture<String> reason = server.reason(stalled.socketId);

      // Volatile first: dropped for the stalled client (its socket is blocked), so they never fill its queue.
      int sent = 0;
      for (int b = 0; b < 200; b++) {
        for (int i = 0; i < BATCH; i++) {
          server.io.volatile_().emit("vol", PAYLOAD);
        }
      }
      // Regular packets, paced by the reading client so that only the stalled one falls behind.
      for (int b = 0; b < MAX_BATCHES && !reason.isDone(); b++) {
        for (int i = 0; i < BATCH; i++) {
          server.io.emit("tick", sent++, PAYLOAD);
        }
        if (!received.tryAcquire(BATCH, 20, TimeUnit.SECONDS)) {
          throw new AssertionError("the reading client fell behind after " + sent + " ticks; reader: " + reader
              + reader.handle((v, e) -> " " + v + " " + e).getNow("running") + ", normal: "
              + server.reason(normal.socketId).getNow("connected") + ", stalled: " + reason.getNow("connected"));
        }
      }
      System.out.println(container + ": slow consumer after " + sent + " ticks");
      assertEquals("slow consumer", reason.get(20, TimeUnit.SECONDS));
      server.io.emit("done");
      assertEquals(sent, reader.get(20, TimeUnit.SECONDS), "ticks received by the reading client");
      assertFalse(server.reason(normal.socketId).isDone(), "the reading client was closed too");
      normal.assertEchoes("still here");
    }
  }

  private static SioClient connectWithSmallWindow(int port) throws IOException {
    SioClient c = SioClient.connect(port);
    c.ws.socket().setReceiveBufferSize(4096); // stop reading from now on
    return c;
  }

  /** Counts {@code tick} events in order until {@code done}; volatile {@code vol} events may come in between. */
  private static int readTicks(SioClient client, Semaphore received) {
    int n = 0;
    try {
      while (true) {
        String m = client.ws.nextText();
        if (m.equals("2")) {
          client.ws.sendText("3"); // Engine.IO heartbeat: a long run may see one
          continue;
        }
        if (m.startsWith("42[\"done\"")) {
          return n;
        }
        if (m.startsWith("42[\"tick\"," + n + ",")) {
          n++;
          received.release();
        } else if (!m.startsWith("42[\"vol\"")) {
          throw new AssertionError("unexpected " + m.substring(0, Math.min(40, m.length())));
        }
      }
    } catch (IOException e) {
      throw new AssertionError("after " + n + " ticks", e);
    }
  }
}
