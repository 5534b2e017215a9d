package dev.sio4j.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents exactly the init-params {@link InitParams} reads. The parameters read are recorded
 * by calling every accessor of InitParams twice: with nothing set, and with every documented parameter set to its
 * {@code example} (so parameters read only when another one is set, like {@code sio4j.cors.credentials}, are seen).
 * The {@code sio4j.redis.*} rows belong to sio4j-redis-adapter, which checks them itself.
 */
class ConfigurationDocTest {

  static final Path DOC = Path.of("..", "docs", "configuration.md");
  /** A table row: | `sio4j.name` | type | default | Node's name | example | what it does | */
  private static final Pattern ROW = Pattern.compile("^\\| `(sio4j\\.[^`]+)` \\|(.*)\\|\\s*$");

  @Test
  void everyInitParamReadIsDocumentedAndEveryDocumentedOneIsRead() throws Exception {
    Map<String, String> examples = examples();
    examples.keySet().removeIf(name -> name.startsWith("sio4j.redis."));
    Set<String> read = new TreeSet<>();
    readAll(name -> { read.add(name); return null; });
    readAll(name -> { read.add(name); return examples.get(name); });

    Set<String> missing = new TreeSet<>(read);
    missing.removeAll(examples.keySet());
    Set<String> extra = new TreeSet<>(examples.keySet());
    extra.removeAll(read);
    StringBuilder problems = new StringBuilder();
    for (String name : missing) {
      problems.append("\nInitParams reads ").append(name).append(", which docs/configuration.md does not document: add"
          + " to the right table there the row\n  | `").append(name).append("` | <type> | <default> | <Node's name,"
          + " or —> | <a valid example value> | <what it does> |");
    }
    for (String name : extra) {
      problems.append("\ndocs/configuration.md documents ").append(name).append(", which InitParams never reads:"
          + " remove its row, or, if it is read only when another parameter is set, make that parameter's example"
          + " value turn it on");
    }
    if (problems.length() > 0) {
      fail(problems.toString());
    }
  }

  @Test
  void everyRowHasSixCellsAndAnExample() throws IOException {
    for (String line : Files.readAllLines(DOC)) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        String[] cells = m.group(2).split("\\|", -1);
        assertEquals(5, cells.length, () -> "want | name | type | default | Node's name | example | what |: " + line);
        assertTrue(!cells[3].isBlank(), () -> "no example: " + line);
      }
    }
  }

  /** Documented name to example value (backticks removed), in the order of the document. */
  static Map<String, String> examples() throws IOException {
    assertTrue(Files.isRegularFile(DOC), () -> DOC.toAbsolutePath() + " is missing");
    Map<String, String> examples = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DOC)) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        String example = m.group(2).split("\\|", -1)[3].trim().replace("`", "");
        if (examples.put(m.group(1), example) != null) {
          fail(m.group(1) + " has two rows in " + DOC);
        }
      }
    }
    return examples;
  }

  /** Calls every accessor of InitParams (a no-argument instance method) on this source. */
  private static void readAll(Function<String, String> source) throws Exception {
    InitParams params = new InitParams(source);
    Method[] accessors = Arrays.stream(InitParams.class.getDeclaredMethods())
        .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
            && !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic())
        .toArray(Method[]::new);
    assertTrue(accessors.length >= 5, "InitParams' accessors not found");
    for (Method m : accessors) {
      try {
        m.invoke(params);
      } catch (InvocationTargetException e) {
        fail("InitParams." + m.getName() + "() rejects the example values of docs/configuration.md: "
            + e.getCause().getMessage(), e.getCause());
      }
    }
  }
}
