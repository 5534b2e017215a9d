package dev.sio4j.annotation.binding;

import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.SocketIoServer;
import dev.sio4j.socket.parser.JsonBinding;
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
    EndpointModel model = EndpointIntrospector.scan(endpointClass, io.options().parser().jsonBinding());
    return new EndpointBinding(model, new LazyInstance(endpointClass, factory)).attach(io);
  }

  /** Registers an already created endpoint instance (its class carries the annotations). */
  public static Namespace register(SocketIoServer io, Object endpoint) {
    Objects.requireNonNull(io, "io");
    EndpointModel model = EndpointIntrospector.scan(endpoint.getClass(), io.options().parser().jsonBinding());
    return new EndpointBinding(model, new LazyInstance(endpoint)).attach(io);
  }

  /**
   * Checks a class without registering it (e.g. in a servlet initializer, to fail the deployment early).
   *
   * @throws EndpointDefinitionException when the class is not a valid endpoint
   */
  public static void validate(Class<?> endpointClass) {
    EndpointIntrospector.scan(endpointClass, JsonBinding.jsonb());
  }

  /**
   * Registers several endpoint classes, after checking every one of them (all problems in one exception), so that a
   * bad class registers none. Returns the namespaces, in order.
   *
   * @throws EndpointDefinitionException when a class is not a valid endpoint
   */
  public static java.util.List<Namespace> register(SocketIoServer io, java.util.Collection<Class<?>> endpointClasses,
      EndpointInstanceFactory factory) {
    validate(endpointClasses);
    java.util.List<Namespace> namespaces = new java.util.ArrayList<>();
    for (Class<?> type : endpointClasses) {
      namespaces.add(register(io, type, factory));
    }
    return namespaces;
  }

  /**
   * Checks several classes without registering them; reports every invalid one in one exception (the first as cause,
   * the others suppressed).
   *
   * @throws EndpointDefinitionException when a class is not a valid endpoint
   */
  public static void validate(java.util.Collection<Class<?>> classes) {
    java.util.List<EndpointDefinitionException> problems = new java.util.ArrayList<>();
    for (Class<?> type : classes) {
      try {
        validate(type);
      } catch (EndpointDefinitionException e) {
        problems.add(e);
      }
    }
    if (problems.size() == 1) {
      throw problems.get(0);
    }
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder(problems.size() + " invalid @SocketIoEndpoint classes:");
      problems.forEach(p -> message.append("\n  ").append(p.getMessage()));
      EndpointDefinitionException e = new EndpointDefinitionException(message.toString(), problems.get(0));
      problems.stream().skip(1).forEach(e::addSuppressed);
      throw e;
    }
  }
}
