package dev.sio4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one event sent by the client. Context parameters ({@code Socket}, {@code Handshake}, {@code Namespace},
 * {@code SocketIoServer}, {@code Ack}, {@link EventName @EventName String}) may appear anywhere; every other parameter
 * takes the next event argument, in order, converted to its declared (generic) type with JSON-B: records, POJOs,
 * {@code List<T>}, {@code Map<K,V>}, arrays, enums, primitives and their boxes, {@code String}, {@code byte[]} (a binary
 * attachment), {@code jakarta.json.JsonValue} and its subtypes (raw JSON), {@code Object} (the plain tree). A missing
 * argument is {@code null} ({@code JsonValue.NULL} for a {@code JsonValue} parameter, {@code Optional.empty()} for an
 * {@code Optional}, an error for a primitive); extra arguments are ignored.
 *
 * <p>The acknowledgement: a non-{@code void} return value is sent as the single ack argument when the client asked
 * for one; a {@code CompletionStage} sends its result once complete. Or declare an {@code Ack} parameter (then the
 * method must return {@code void}); it is {@code null} when the client asked for no ack.
 *
 * <pre>{@code
 * @OnEvent("move")
 * public Position move(Socket socket, Position to, List<Waypoint> path) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnEvent {

  /** The event name (not empty, not a reserved name such as {@code connect}); unique within the class. */
  String value();
}
