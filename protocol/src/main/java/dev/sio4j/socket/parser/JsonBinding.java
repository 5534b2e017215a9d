package dev.sio4j.socket.parser;

import java.lang.reflect.Type;

/**
 * How application types (records, POJOs, enums, {@code List<Record>}...) become event data and back: the one place
 * where a JSON binding library (JSON-B, Jackson...) meets the codec and the annotated endpoints.
 *
 * <p>Both directions work on <em>plain trees</em>: {@code Map<String,?>} (key order kept), {@code List<?>},
 * {@code String}, {@code Number}, {@code Boolean}, {@code null}, {@code byte[]} and JSON-P {@code JsonValue}s. The
 * codec writes a plain tree itself, so numbers are written the same way (whole doubles without a fraction, NaN as
 * null) and {@code byte[]} nodes become binary attachments whatever the library.
 *
 * <p>The default, {@link #jsonb()}, is JSON-B (Yasson, binary data as base64). Install another one with
 * {@link SocketParser#json(JsonBinding)} in {@code SocketIoOptions.builder().parser(...)}; the annotated endpoints of a
 * server use the binding of its parser.
 *
 * <p>Threading: one instance serves every connection and every endpoint at once; both methods are called from any
 * thread concurrently, so implementations must be thread safe (stateless, or caching thread-safely).
 */
public interface JsonBinding {

  /**
   * The plain tree of an application object the codec does not know itself (not a plain tree node, array,
   * {@code Collection}, {@code Optional}, enum or {@code Character}). Must not return {@code value} itself.
   *
   * @throws RuntimeException when {@code value} cannot be serialized (the emit fails with
   *     {@code IllegalArgumentException})
   */
  Object toTree(Object value);

  /**
   * Converts a decoded plain tree ({@code null} for JSON null) to {@code type}, for event arguments, acks and auth
   * payloads of annotated handlers.
   *
   * @throws RuntimeException when the tree does not fit {@code type} (reported to the client as an invalid argument)
   */
  Object fromTree(Object tree, Type type);

  /** The default binding: JSON-B (Yasson), {@code BinaryDataStrategy.BASE_64} for {@code byte[]} fields. */
  static JsonBinding jsonb() {
    return JsonbBinding.INSTANCE;
  }
}
