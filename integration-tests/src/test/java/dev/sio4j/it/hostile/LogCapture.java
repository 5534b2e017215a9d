package dev.sio4j.it.hostile;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what sio4j logs (System.Logger's default backend is java.util.logging) from creation until {@link #close}.
 */
final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger = Logger.getLogger("dev.sio4j");
  private final Level previous;
  final List<LogRecord> records = new CopyOnWriteArrayList<>();

  LogCapture() {
    previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    setLevel(Level.ALL);
    logger.addHandler(this);
  }

  /** Records whose formatted message contains {@code text}. */
  List<String> mentioning(String text) {
    return records.stream().map(LogCapture::message).filter(m -> m.contains(text)).toList();
  }

  /** Records that carry a stack trace. */
  List<String> withStackTraces() {
    return records.stream().filter(r -> r.getThrown() != null).map(r -> message(r) + ": " + r.getThrown()).toList();
  }

  static String message(LogRecord r) {
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
