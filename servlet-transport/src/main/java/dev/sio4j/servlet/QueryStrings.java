package dev.sio4j.servlet;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a raw query string. The servlet's {@code getParameterMap()} is not used on purpose: for a form-encoded POST it
 * would read (and block on) the body, which the polling transport reads itself without blocking.
 */
final class QueryStrings {

  private QueryStrings() {}

  /** Decodes {@code a=1&b=x%20y} into name → values, in order; a malformed escape keeps the raw text. */
  static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return result;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
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
