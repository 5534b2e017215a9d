package dev.sio4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventSerializerTest {

  @Test
  void holdsEverythingUntilTheFirstTaskRan() {
    EventSerializer s = new EventSerializer();
    List<String> log = new ArrayList<>();
    s.execute(() -> log.add("message"));
    assertTrue(log.isEmpty());
    s.runFirstAndRelease(() -> log.add("connection"));
    assertEquals(List.of("connection", "message"), log);
  }

  @Test
  void runsTasksOneAtATimeKeepingEachThreadsOrder() throws Exception {
    EventSerializer s = new EventSerializer();
    s.runFirstAndRelease(() -> {});
    int threads = 4;
    int perThread = 5_000;
    AtomicInteger inside = new AtomicInteger();
    AtomicBoolean overlap = new AtomicBoolean();
    int[] last = new int[threads];
    AtomicBoolean reordered = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(threads * perThread);
    for (int t = 0; t < threads; t++) {
      int id = t;
      last[id] = -1;
      new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          int n = i;
          s.execute(() -> {
            if (inside.incrementAndGet() > 1) {
              overlap.set(true);
            }
            if (last[id] != n - 1) {
              reordered.set(true);
            }
            last[id] = n;
            inside.decrementAndGet();
            done.countDown();
          });
        }
      }).start();
    }
    assertTrue(done.await(EngineFixture.WAIT_SECONDS, TimeUnit.SECONDS));
    assertFalse(overlap.get());
    assertFalse(reordered.get());
  }

  @Test
  void aTaskSubmittedByATaskRunsAfterIt() {
    EventSerializer s = new EventSerializer();
    s.runFirstAndRelease(() -> {});
    List<String> log = new ArrayList<>();
    s.execute(() -> {
      s.execute(() -> log.add("inner"));
      log.add("outer");
    });
    assertEquals(List.of("outer", "inner"), log);
  }

  @Test
  void runIfIdleRunsAtOnceOnlyWhenNothingElseRuns() {
    EventSerializer s = new EventSerializer();
    assertFalse(s.runIfIdle(() -> {}), "held until the connection callback ran");
    s.runFirstAndRelease(() -> {});
    List<String> log = new ArrayList<>();
    assertTrue(s.runIfIdle(() -> log.add("now")));
    s.execute(() -> assertFalse(s.runIfIdle(() -> log.add("never"))));
    assertEquals(List.of("now"), log);
  }

  @Test
  void aThrowingTaskDoesNotStopTheOthers() {
    EventSerializer s = new EventSerializer();
    s.runFirstAndRelease(() -> {});
    List<String> log = new ArrayList<>();
    s.execute(() -> {
      throw new IllegalStateException("listener bug (expected in this test)");
    });
    s.execute(() -> log.add("next"));
    assertEquals(List.of("next"), log);
  }
}
