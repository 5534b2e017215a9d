package dev.sio4j.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sio4j.socket.parser.JsonBinding;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link JsonBinding} through the application's Jackson {@link ObjectMapper}, so {@code @JsonProperty},
 * {@code @JsonIgnore}, modules and naming strategies apply to Socket.IO event data as they do to Spring MVC bodies.
 *
 * <p>Objects go through Jackson's node tree ({@code valueToTree}, {@code treeToValue}), never through JSON text;
 * {@code byte[]} stays a binary node, so it becomes a binary attachment on the wire and fills {@code byte[]} fields
 * from one. Thread safe: a configured {@code ObjectMapper} is, and this class keeps no other state.
 */
public final class JacksonJsonBinding implements JsonBinding {

  private final ObjectMapper mapper;

  /** Binds with {@code mapper} (shared, not reconfigured afterwards). */
  public JacksonJsonBinding(ObjectMapper mapper) {
    this.mapper = java.util.Objects.requireNonNull(mapper, "mapper");
  }

  @Override
  public Object toTree(Object value) {
    return plain(mapper.valueToTree(value));
  }

  @Override
  public Object fromTree(Object tree, Type type) {
    try {
      return mapper.treeToValue(node(tree), mapper.constructType(type));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /**
   * The codec's plain tree as Jackson's node; built by hand because {@code convertValue} writes BigDecimals through a
   * double and loses digits.
   */
  private JsonNode node(Object v) {
    JsonNodeFactory f = mapper.getNodeFactory();
    if (v == null) {
      return f.nullNode();
    } else if (v instanceof String s) {
      return f.textNode(s);
    } else if (v instanceof Boolean b) {
      return f.booleanNode(b);
    } else if (v instanceof Integer i) {
      return f.numberNode(i);
    } else if (v instanceof Long l) {
      return f.numberNode(l);
    } else if (v instanceof Double d) {
      return f.numberNode(d);
    } else if (v instanceof BigDecimal d) {
      return f.numberNode(d);
    } else if (v instanceof BigInteger i) {
      return f.numberNode(i);
    } else if (v instanceof byte[] bytes) {
      return f.binaryNode(bytes);
    } else if (v instanceof Map<?, ?> map) {
      ObjectNode object = f.objectNode();
      map.forEach((key, value) -> object.set(String.valueOf(key), node(value)));
      return object;
    } else if (v instanceof List<?> list) {
      ArrayNode array = f.arrayNode(list.size());
      list.forEach(item -> array.add(node(item)));
      return array;
    }
    return mapper.valueToTree(v); // a JsonValue or other object put in the tree by the application
  }

  /** Jackson's node as the codec's plain tree (Map/List/String/Number/Boolean/null/byte[]). */
  private Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    } else if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), plain(e.getValue()));
      }
      return map;
    } else if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(plain(item)));
      return list;
    } else if (node.isTextual()) {
      return node.textValue();
    } else if (node.isBoolean()) {
      return node.booleanValue();
    } else if (node.isNumber()) {
      return node.numberValue();
    } else if (node.isBinary()) {
      return ((com.fasterxml.jackson.databind.node.BinaryNode) node).binaryValue();
    } else if (node.isPojo()) {
      Object pojo = ((com.fasterxml.jackson.databind.node.POJONode) node).getPojo();
      return pojo == null ? null : plain(mapper.valueToTree(pojo));
    }
    throw new IllegalArgumentException("unsupported Jackson node " + node.getNodeType());
  }

  @Override
  public String toString() {
    return "JacksonJsonBinding";
  }
}
