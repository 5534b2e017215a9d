package dev.sio4j.it.annotated;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what Tomcat logs (java.util.logging, {@code org.apache.catalina}) while open: Tomcat reports a failed
 * initializer only in its log, not in the exception {@code start()} throws.
 */
final class TomcatLog extends Handler implements AutoCloseable {

  private static final Logger CATALINA = Logger.getLogger("org.apache.catalina");

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private TomcatLog() {}

  static TomcatLog capture() {
    TomcatLog log = new TomcatLog();
    CATALINA.addHandler(log);
    return log;
  }

  /** The message of the first logged throwable (or cause) of class {@code type} (a name: any class loader). */
  String thrown(String type) {
    for (LogRecord r : records) {
      for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
        if (t.getClass().getName().equals(type)) {
          return t.getMessage();
        }
      }
    }
    throw new AssertionError("Tomcat logged no " + type + "; messages: "
        + records.stream().map(LogRecord::getMessage).toList());
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    CATALINA.removeHandler(this);
  }
}
