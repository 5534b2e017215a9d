package dev.sio4j.annotation.binding;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;

/**
 * The only class naming CDI types (the API is an optional, provided dependency): loaded only once
 * {@link CdiInstanceFactory} found the API. Thread safe.
 */
final class CdiLookup {

  private CdiLookup() {}

  /**
   * A bean from the container, or a non-bean class created and injected through {@link Unmanaged}; {@code null} when
   * no container is running ({@code CDI.current()} throws {@link IllegalStateException}).
   */
  static Object lookup(Class<?> type) {
    CDI<Object> cdi;
    try {
      cdi = CDI.current();
    } catch (IllegalStateException e) {
      return null;
    }
    Instance<?> selected = cdi.select(type);
    if (selected.isResolvable()) {
      return selected.get();
    }
    return unmanaged(cdi.getBeanManager(), type);
  }

  /**
   * Created, injected and post-constructed, never destroyed: the instance lives as long as the server (a marker
   * annotation alone does not make a class a bean in an {@code annotated} archive).
   */
  private static <T> T unmanaged(BeanManager bm, Class<T> type) {
    return new Unmanaged<>(bm, type).newInstance().produce().inject().postConstruct().get();
  }
}
