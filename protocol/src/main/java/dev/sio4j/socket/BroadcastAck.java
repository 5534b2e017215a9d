package dev.sio4j.socket;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects the acknowledgements of one broadcast (Node's {@code BroadcastOperator.emit} with a callback): complete
 * once every server node reported how many clients it asked and every one of them answered, or failed with the
 * responses so far when the timeout elapses first. Thread safe; the callback runs once, on the thread of the last
 * answer or on the timer thread.
 */
final class BroadcastAck {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.socket");

  private final AckCallback callback;
  private final List<Object> responses = new ArrayList<>();
  private int expectedServerCount = -1;
  private int actualServerCount;
  private int expectedClientCount;
  private boolean done;
  private ScheduledFuture<?> timer;

  BroadcastAck(AckCallback callback) {
    this.callback = callback;
  }

  /** Arms the timeout; call before the packet goes out. */
  synchronized void start(Namespace nsp, java.time.Duration timeout) {
    timer = nsp.server().timer().schedule(this::onTimeout, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** A server node asked {@code count} clients. */
  void onClientCount(int count) {
    synchronized (this) {
      expectedClientCount += count;
      actualServerCount++;
    }
    checkCompleteness();
  }

  /** How many server nodes were asked. */
  void onServerCount(int count) {
    synchronized (this) {
      expectedServerCount = count;
    }
    checkCompleteness();
  }

  /** One client answered; like Node, its first acknowledgement argument is the response. */
  void onResponse(List<Object> args) {
    synchronized (this) {
      if (done) {
        return;
      }
      responses.add(args == null || args.isEmpty() ? null : args.get(0));
    }
    checkCompleteness();
  }

  private void checkCompleteness() {
    List<Object> result;
    synchronized (this) {
      if (done || expectedServerCount != actualServerCount || responses.size() != expectedClientCount) {
        return;
      }
      done = true;
      if (timer != null) {
        timer.cancel(false);
      }
      result = new ArrayList<>(responses);
    }
    deliver(null, result);
  }

  private void onTimeout() {
    List<Object> partial;
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      partial = new ArrayList<>(responses);
    }
    LOG.log(Level.DEBUG, () -> "broadcast acknowledgements timed out with " + partial.size() + " responses");
    deliver(new AckException(AckException.Kind.TIMEOUT, "operation has timed out", partial), partial);
  }

  private void deliver(AckException error, List<Object> result) {
    Callbacks.run(() -> callback.handle(error, result), () -> "broadcast acknowledgement callback");
  }
}
