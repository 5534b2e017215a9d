package dev.sio4j.socket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A time as JavaScript's {@code new Date().toString()} writes it, e.g. {@code Wed Dec 02 2026 01:13:13 GMT+0000
 * (Coordinated Universal Time)}: Node's {@code socket.handshake.time} has this form, and Node nodes and applications
 * read it in {@code fetchSockets} replies. Stateless and thread-safe.
 */
final class NodeDateText {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx '('zzzz')'", Locale.ENGLISH);

  private NodeDateText() {}

  /** The instant in the given zone (Node uses the process's time zone). */
  static String format(Instant instant, ZoneId zone) {
    return FORMAT.format(instant.atZone(zone));
  }
}
