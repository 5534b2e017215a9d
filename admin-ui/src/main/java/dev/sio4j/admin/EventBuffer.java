package dev.sio4j.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts engine events per second, type and sub-type until the next {@code server_stats} takes them (Node's
 * {@code EventBuffer}: {@code aggregatedEvents} of {@code {timestamp, type, subType?, count}}). Thread safe.
 */
final class EventBuffer {

  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> entries = new LinkedHashMap<>();

  synchronized void push(String type, String subType, long count) {
    long second = System.currentTimeMillis() / 1000 * 1000;
    String key = second + ";" + type + ";" + subType;
    long[] c = counts.get(key);
    if (c != null) {
      c[0] += count;
      return;
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("timestamp", second);
    e.put("type", type);
    if (subType != null) {
      e.put("subType", subType);
    }
    counts.put(key, new long[] {count});
    entries.put(key, e);
  }

  synchronized List<Map<String, Object>> takeAll() {
    List<Map<String, Object>> out = new ArrayList<>();
    entries.forEach((key, e) -> {
      e.put("count", counts.get(key)[0]);
      out.add(e);
    });
    counts.clear();
    entries.clear();
    return out;
  }
}
