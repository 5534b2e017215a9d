package dev.sio4j.annotation.binding;

/**
 * The endpoint instance, created by the factory on first use and then kept (one per registration). A failed creation
 * is not remembered: the next connection tries again. Thread safe.
 */
final class LazyInstance {

  private final Class<?> type;
  private final EndpointInstanceFactory factory;
  private volatile Object instance;

  LazyInstance(Class<?> type, EndpointInstanceFactory factory) {
    this.type = type;
    this.factory = factory;
  }

  /** An already created instance. */
  LazyInstance(Object instance) {
    this.type = instance.getClass();
    this.factory = null;
    this.instance = instance;
  }

  Object get() {
    Object i = instance;
    if (i != null) {
      return i;
    }
    synchronized (this) {
      if (instance == null) {
        Object created = factory.create(type);
        if (!type.isInstance(created)) {
          throw new IllegalStateException(factory + " returned " + created + " for " + type.getName());
        }
        instance = created;
      }
      return instance;
    }
  }
}
