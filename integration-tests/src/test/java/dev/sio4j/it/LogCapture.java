package dev.sio4j.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what a java.util.logging logger and its children log (all levels) from creation until {@link #close}: sio4j's
 * ({@code dev.sio4j}; System.Logger's default backend is java.util.logging) or Tomcat's ({@code org.apache.catalina},
 * which reports a failed initializer only in its log, not in the exception {@code start()} throws). Thread safe.
 */
public final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger;
  private final Level previous;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  /** Starts recording the logger {@code name}. */
  public LogCapture(String name) {
    logger = Logger.getLogger(name);
    previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    setLevel(Level.ALL);
    logger.addHandler(this);
  }

  /** Records whose formatted message contains {@code text}. */
  public List<String> mentioning(String text) {
    return records.stream().map(LogCapture::message).filter(m -> m.contains(text)).toList();
  }

  /** Messages of the records at {@code level} or above. */
  public List<String> atLeast(Level level) {
    return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).map(LogCapture::message)
        .toList();
  }

  /** Records that carry a stack trace. */
  public List<String> withStackTraces() {
    return records.stream().filter(r -> r.getThrown() != null).map(r -> message(r) + ": " + r.getThrown()).toList();
  }

  /** The message of the first logged throwable (or cause) of class {@code type} (a name: any class loader). */
  public String thrown(String type) {
    for (LogRecord r : records) {
      for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
        if (t.getClass().getName().equals(type)) {
          return t.getMessage();
        }
      }
    }
    throw new AssertionError(logger.getName() + " logged no " + type + "; messages: "
        + records.stream().map(LogRecord::getMessage).toList());
  }

  private static String message(LogRecord r) {
    String m = r.getMessage();
    Object[] p = r.getParameters();
    return p == null || p.length == 0 ? m : java.text.MessageFormat.format(m, p);
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previous);
  }
}
