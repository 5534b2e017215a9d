package dev.sio4j.socket.parser;

import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.BinaryDataStrategy;
import jakarta.json.stream.JsonGenerator;
import java.lang.reflect.Type;
import org.eclipse.yasson.YassonJsonb;

/**
 * {@link JsonBinding#jsonb()}: one shared Yasson {@link Jsonb} ({@code BinaryDataStrategy.BASE_64}, so a binary
 * attachment inside an object fills a {@code byte[]} field). Trees go to and from JSON-P structures, so no JSON text is
 * written or parsed except for scalars. Thread safe: Yasson's Jsonb is, and caches its class models.
 */
final class JsonbBinding implements JsonBinding {

  static final JsonbBinding INSTANCE =
      new JsonbBinding(JsonbBuilder.create(new JsonbConfig().withBinaryDataStrategy(BinaryDataStrategy.BASE_64)));

  private final Jsonb jsonb;

  JsonbBinding(Jsonb jsonb) {
    this.jsonb = java.util.Objects.requireNonNull(jsonb, "jsonb");
  }

  @Override
  public Object toTree(Object value) {
    try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(jsonb.toJson(value)))) {
      return reader.readValue();
    }
  }

  /** The encoder's shortcut: Yasson writes straight into the packet's generator, no tree in between. */
  void write(Object value, JsonGenerator gen) {
    if (jsonb instanceof YassonJsonb yasson) {
      yasson.toJson(value, gen);
    } else {
      gen.write((JsonValue) toTree(value));
    }
  }

  @Override
  public Object fromTree(Object tree, Type type) {
    if (type instanceof Class<?> c && JsonValue.class.isAssignableFrom(c)) {
      JsonValue json = JsonTrees.toJsonValue(tree);
      return tree == null && c != JsonValue.class ? null : c.cast(json);
    }
    JsonValue json = JsonTrees.toJsonValue(tree);
    if (json instanceof JsonStructure s && jsonb instanceof YassonJsonb yasson) {
      return yasson.fromJsonStructure(s, type);
    }
    return jsonb.fromJson(json.toString(), type);
  }
}
