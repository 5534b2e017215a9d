package dev.sio4j.annotation.binding;

/** Converts one node of a plain tree (see {@link dev.sio4j.socket.parser.JsonBinding}) to a declared Java type. Stateless, thread safe. */
@FunctionalInterface
interface ValueConverter {

  /**
   * Converts {@code value} ({@code null} for JSON null or a missing argument).
   *
   * @throws RuntimeException when it does not fit (a {@code JsonbException}, {@code ClassCastException}...)
   */
  Object convert(Object value);
}
