package dev.sio4j.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringsTest {

  @Test
  void decodesNamesAndValuesInOrder() {
    Map<String, List<String>> q = QueryStrings.parse("EIO=4&transport=polling&sid=a%2Bb&t=x%20y&t=z");
    assertEquals(List.of("4"), q.get("EIO"));
    assertEquals(List.of("a+b"), q.get("sid"));
    assertEquals(List.of("x y", "z"), q.get("t"));
    assertEquals(List.of("EIO", "transport", "sid", "t"), List.copyOf(q.keySet()));
  }

  @Test
  void keepsMalformedEscapesAndEmptyValues() {
    Map<String, List<String>> q = QueryStrings.parse("a=%zz&b&&c=");
    assertEquals(List.of("%zz"), q.get("a"));
    assertEquals(List.of(""), q.get("b"));
    assertEquals(List.of(""), q.get("c"));
  }

  @Test
  void nullOrEmptyIsEmpty() {
    assertTrue(QueryStrings.parse(null).isEmpty());
    assertTrue(QueryStrings.parse("").isEmpty());
  }
}
