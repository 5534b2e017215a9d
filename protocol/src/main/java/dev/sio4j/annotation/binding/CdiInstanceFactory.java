package dev.sio4j.annotation.binding;

import java.lang.System.Logger.Level;

/**
 * {@link EndpointInstanceFactory#cdi()}: asks CDI when its API is on the class path and a container answers
 * {@code CDI.current()}, else the fallback. {@link CdiLookup} is the only class that names CDI types; it is loaded only
 * after the API was found, so protocol runs without CDI. Thread safe.
 */
final class CdiInstanceFactory implements EndpointInstanceFactory {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.socket");
  private static final boolean API_PRESENT = apiPresent();

  private final EndpointInstanceFactory fallback;

  CdiInstanceFactory(EndpointInstanceFactory fallback) {
    this.fallback = fallback;
  }

  /** Checked with our own loader: that is the loader that will link {@link CdiLookup}. */
  private static boolean apiPresent() {
    try {
      Class.forName("jakarta.enterprise.inject.spi.CDI", false, CdiInstanceFactory.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public Object create(Class<?> endpointClass) {
    if (API_PRESENT) {
      Object bean = CdiLookup.lookup(endpointClass);
      if (bean != null) {
        return bean;
      }
      LOG.log(Level.DEBUG, () -> "no CDI container; creating " + endpointClass.getName() + " with " + fallback);
    }
    return fallback.create(endpointClass);
  }

  @Override
  public String toString() {
    return "cdi (else " + fallback + ")";
  }
}
