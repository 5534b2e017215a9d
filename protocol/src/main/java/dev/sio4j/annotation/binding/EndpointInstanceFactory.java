package dev.sio4j.annotation.binding;

/**
 * Creates the instance that serves an endpoint class (SPI). {@link AnnotatedEndpoints} calls it lazily, once per
 * registered class, when the first client connects to the class's namespace (never at registration, so a CDI
 * container that starts after the servlet initializer is ready by then). The instance then serves every socket of the
 * namespace for the life of the server: it must be thread safe (handlers of different connections run concurrently;
 * those of one connection never do). If creation fails, that connection is refused and the next one tries again.
 *
 * <p>Implementations must be thread safe.
 */
@FunctionalInterface
public interface EndpointInstanceFactory {

  /**
   * Returns the instance for {@code endpointClass} (an instance of that class).
   *
   * @throws RuntimeException when it cannot be created; the message is logged, the client gets
   *     {@code {"message":"server error"}}
   */
  Object create(Class<?> endpointClass);

  /** The default: the class's no-argument constructor (need not be public if reflection may open it). */
  static EndpointInstanceFactory constructors() {
    return ConstructorInstanceFactory.INSTANCE;
  }

  /**
   * CDI when available, else {@link #constructors()}: a CDI bean comes from {@code CDI.current().select(type)}; a
   * class that is not a bean is created and {@code @Inject}-ed through {@code Unmanaged} (no scope, no
   * interceptors). Falls back to constructors when the CDI API is absent or {@code CDI.current()} finds no container.
   * protocol has no hard dependency on CDI: the API is only touched after a {@code Class.forName} check.
   */
  static EndpointInstanceFactory cdi() {
    return new CdiInstanceFactory(constructors());
  }
}
