package dev.sio4j.redis;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON codec of the requests and responses that {@code @socket.io/redis-adapter} sends as JSON text
 * ({@code JSON.stringify}): binary is written as Node writes a {@code Buffer}
 * ({@code {"type":"Buffer","data":[…]}}). Stateless; thread safe.
 */
final class JsonText {

  private JsonText() {}

  static byte[] encode(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.createGenerator(out)) {
      write(g, null, value);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonGenerator g, String key, Object v) {
    if (v == null) {
      if (key == null) {
        g.writeNull();
      } else {
        g.writeNull(key);
      }
    } else if (v instanceof String s) {
      if (key == null) {
        g.write(s);
      } else {
        g.write(key, s);
      }
    } else if (v instanceof Boolean b) {
      if (key == null) {
        g.write(b);
      } else {
        g.write(key, b);
      }
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        write(g, key, null); // as JSON.stringify
      } else if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
        write(g, key, (long) d);
      } else if (key == null) {
        g.write(d);
      } else {
        g.write(key, d);
      }
    } else if (v instanceof Number n) {
      if (key == null) {
        g.write(n.longValue());
      } else {
        g.write(key, n.longValue());
      }
    } else if (v instanceof byte[] bytes) {
      if (key == null) {
        g.writeStartObject();
      } else {
        g.writeStartObject(key);
      }
      g.write("type", "Buffer");
      g.writeStartArray("data");
      for (byte b : bytes) {
        g.write(b & 0xff);
      }
      g.writeEnd();
      g.writeEnd();
    } else if (v instanceof Map<?, ?> map) {
      if (key == null) {
        g.writeStartObject();
      } else {
        g.writeStartObject(key);
      }
      map.forEach((k, val) -> write(g, String.valueOf(k), val));
      g.writeEnd();
    } else if (v instanceof List<?> list) {
      if (key == null) {
        g.writeStartArray();
      } else {
        g.writeStartArray(key);
      }
      list.forEach(e -> write(g, null, e));
      g.writeEnd();
    } else {
      write(g, key, PlainValues.plain(v));
    }
  }

  /**
   * Parses JSON text into a plain tree.
   *
   * @throws IllegalArgumentException when malformed
   */
  static Object decode(byte[] bytes) {
    try (JsonReader r = Json.createReader(new ByteArrayInputStream(bytes))) {
      return PlainValues.fromJson(r.readValue());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
    }
  }
}
