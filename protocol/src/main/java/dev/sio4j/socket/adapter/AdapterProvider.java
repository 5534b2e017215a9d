package dev.sio4j.socket.adapter;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Creates a cluster adapter from configuration, so a runtime that is configured by name/value pairs (a WAR's
 * context init-params, {@code sio4j.adapter=redis}) can switch adapters without depending on their modules.
 * Implementations are found with {@link ServiceLoader} ({@code META-INF/services/dev.sio4j.socket.adapter.AdapterProvider});
 * {@code sio4j-redis-adapter} provides {@code redis}.
 *
 * <p>Called once per server, during start-up, on the starting thread; implementations need not be thread safe.
 */
public interface AdapterProvider {

  /** The name that selects this provider, e.g. {@code redis} (compared ignoring case). */
  String name();

  /**
   * Creates the adapter factory of a server (applied once per namespace, as
   * {@code SocketIoOptions.Builder.adapterFactory}).
   *
   * @param settings the runtime's settings (a WAR's context init-params)
   * @return the factory; if it is also {@link AutoCloseable} the runtime closes it after the server
   * @throws IllegalArgumentException if a setting is missing or malformed (the message names it)
   */
  Function<AdapterNamespace, Adapter> create(Settings settings);

  /** Settings by their full names ({@code sio4j.redis.uri}), as the runtime reads its own. */
  @FunctionalInterface
  interface Settings {

    /** The trimmed value of a setting, or {@code null} when it is unset or blank. */
    String get(String name);

    /**
     * A duration setting: milliseconds ({@code 5000}) or ISO-8601 ({@code PT5S}); {@code null} when unset.
     *
     * @throws IllegalArgumentException if malformed (the message names the setting)
     */
    default Duration duration(String name) {
      String v = get(name);
      return v == null ? null : parseDuration(name, v);
    }

    /**
     * Parses milliseconds or ISO-8601, the duration syntax of every sio4j setting.
     *
     * @throws IllegalArgumentException naming {@code name} if {@code value} is neither
     */
    static Duration parseDuration(String name, String value) {
      try {
        return value.startsWith("P") || value.startsWith("p") ? Duration.parse(value)
            : Duration.ofMillis(Long.parseLong(value));
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new IllegalArgumentException(name + "='" + value + "': expected milliseconds or ISO-8601 (PT25S)");
      }
    }
  }

  /**
   * The provider named {@code name} on {@code loader}'s class path.
   *
   * @throws IllegalArgumentException if there is none (the message lists those found)
   */
  static AdapterProvider find(String name, ClassLoader loader) {
    List<String> found = new ArrayList<>();
    for (AdapterProvider p : ServiceLoader.load(AdapterProvider.class, loader)) {
      if (p.name().equalsIgnoreCase(name)) {
        return p;
      }
      found.add(p.name());
    }
    throw new IllegalArgumentException("no adapter named '" + name + "' on the class path (found: " + found
        + "; sio4j-redis-adapter provides 'redis')");
  }
}
