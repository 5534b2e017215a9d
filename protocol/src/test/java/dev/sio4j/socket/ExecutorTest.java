package dev.sio4j.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ExecutorTest {

  @Test
  void handlersRunInOrderOnTheConfiguredExecutor() {
    ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "user-pool");
      t.setDaemon(true);
      return t;
    });
    try {
      SocketIoServer io = Fixture.server(SocketIoOptions.builder().executor(pool).build());
      List<String> threads = new CopyOnWriteArrayList<>();
      List<Object> order = new CopyOnWriteArrayList<>();
      io.onConnection(s -> s.on("n", (args, ack) -> {
        threads.add(Thread.currentThread().getName());
        order.add(args.get(0));
        if (order.size() == 100) {
          s.emit("done");
        }
      }));
      FakeEngineSocket conn = Fixture.connect(io);
      for (int i = 0; i < 100; i++) {
        conn.receive("2[\"n\"," + i + "]");
      }
      assertEquals("2[\"done\"]", conn.nextText());
      List<Object> expected = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        expected.add(i);
      }
      assertEquals(expected, order);
      assertTrue(threads.stream().allMatch("user-pool"::equals));
    } finally {
      pool.shutdownNow();
    }
  }
}
