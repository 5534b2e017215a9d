package dev.sio4j.annotation.binding;

import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.SocketIoServer;
import java.util.Objects;

/**
 * Registers {@link dev.sio4j.annotation.SocketIoEndpoint} classes on a {@link SocketIoServer}: the entry point of the
 * annotation model.
 *
 * <pre>{@code
 * SocketIoServer io = new SocketIoServer();
 * AnnotatedEndpoints.register(io, ChatEndpoint.class);                                // no-arg constructor
 * AnnotatedEndpoints.register(io, AdminEndpoint.class, EndpointInstanceFactory.cdi()); // CDI when present
 * }</pre>
 *
 * <p>Registration scans the class once and binds every handler method (a {@code MethodHandle} per method, a JSON-B
 * converter per parameter); a misconfigured class fails here with an {@link EndpointDefinitionException} naming the
 * class and method. The instance is created lazily, when the first client connects (see
 * {@link EndpointInstanceFactory}), and serves every socket of the namespace: one instance per registration.
 *
 * <p>Thread safe. Register before clients connect: a dynamic namespace copies its middlewares (the endpoint's guard
 * among them) into each child when the child is created.
 */
public final class AnnotatedEndpoints {

  private AnnotatedEndpoints() {}

  /** Registers {@code endpointClass}, created with its no-argument constructor. Returns the namespace it serves. */
  public static Namespace register(SocketIoServer io, Class<?> endpointClass) {
    return register(io, endpointClass, EndpointInstanceFactory.constructors());
  }

  /**
   * Registers {@code endpointClass}, created by {@code factory} on first connection. Returns the namespace it serves
   * (for a regex endpoint, the parent of the dynamic namespaces).
   *
   * @throws EndpointDefinitionException when the class is not a valid endpoint
   */
  public static Namespace register(SocketIoServer io, Class<?> endpointClass, EndpointInstanceFactory factory) {
    Objects.requireNonNull(io, "io");
    Objects.requireNonNull(factory, "factory");
    EndpointModel model = EndpointIntrospector.scan(endpointClass);
    return new EndpointBinding(model, new LazyInstance(endpointClass, factory)).attach(io);
  }

  /** Registers an already created endpoint instance (its class carries the annotations). */
  public static Namespace register(SocketIoServer io, Object endpoint) {
    Objects.requireNonNull(io, "io");
    EndpointModel model = EndpointIntrospector.scan(endpoint.getClass());
    return new EndpointBinding(model, new LazyInstance(endpoint)).attach(io);
  }

  /**
   * Checks a class without registering it (e.g. in a servlet initializer, to fail the deployment early).
   *
   * @throws EndpointDefinitionException when the class is not a valid endpoint
   */
  public static void validate(Class<?> endpointClass) {
    EndpointIntrospector.scan(endpointClass);
  }
}
