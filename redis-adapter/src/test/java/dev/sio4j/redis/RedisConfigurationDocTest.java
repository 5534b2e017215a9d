package dev.sio4j.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code sio4j.redis.*} rows of docs/configuration.md are exactly the settings {@link RedisAdapterProvider}
 * reads, and their examples are valid. (servlet-transport's ConfigurationDocTest checks the other rows.)
 */
class RedisConfigurationDocTest {

  private static final Pattern REDIS_ROW = Pattern.compile("^\\| `(sio4j\\.redis\\.[^`]+)` \\|(?:[^|]*\\|){3}([^|]*)\\|.*");

  @Test
  void theRedisRowsAreExactlyTheSettingsRead() throws Exception {
    Map<String, String> documented = new HashMap<>();
    Files.lines(Path.of("..", "docs", "configuration.md")).map(REDIS_ROW::matcher).filter(java.util.regex.Matcher::matches)
        .forEach(m -> documented.put(m.group(1), m.group(2).trim().replace("`", "")));
    Set<String> read = new TreeSet<>();
    // the URI is read first and, when absent, refused before anything connects
    assertThrows(IllegalArgumentException.class, () -> new RedisAdapterProvider().create(name -> {
      read.add(name);
      return null;
    }));
    RedisAdapterProvider.options(name -> {
      read.add(name);
      return documented.get(name);
    });
    assertEquals(read, new TreeSet<>(documented.keySet()),
        "docs/configuration.md's sio4j.redis.* rows (right) must be the settings RedisAdapterProvider reads (left):"
            + " add a row | `name` | type | default | Node's name | example | what it does | for each one read, remove"
            + " those never read");
  }
}
