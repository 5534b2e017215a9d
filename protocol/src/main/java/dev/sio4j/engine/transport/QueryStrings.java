package dev.sio4j.engine.transport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a raw query string for {@link dev.sio4j.engine.EngineRequest#query()}, the same way in every transport
 * ({@code &} separates, {@code ;} does not; a malformed escape is kept as sent). The servlet transport uses it instead
 * of {@code getParameterMap()}, which for a form-encoded POST would read (and block on) the body. Thread safe.
 */
public final class QueryStrings {

  private QueryStrings() {}

  /**
   * Decodes {@code a=1&b=x%20y} into name → values in order (immutable lists); a malformed escape keeps the
   * raw text.
   */
  public static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return result;
    }
    int start = 0;
    int length = query.length();
    while (start <= length) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int eq = query.indexOf('=', start);
        boolean hasValue = eq >= 0 && eq < end;
        String name = decode(query.substring(start, hasValue ? eq : end));
        String value = hasValue ? decode(query.substring(eq + 1, end)) : "";
        List<String> values = result.get(name);
        if (values == null) {
          result.put(name, List.of(value)); // the usual case: one value per name, no list to grow
        } else {
          List<String> more = new ArrayList<>(values);
          more.add(value);
          result.put(name, List.copyOf(more));
        }
      }
      start = end + 1;
    }
    return result;
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s; // nothing to decode (EIO=4, transport=polling, sid=…): no decoder buffer
    }
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
