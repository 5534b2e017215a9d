package dev.sio4j.annotation.binding;

/** Produces one parameter of a handler method from an {@link Invocation}. Built at registration; thread safe. */
@FunctionalInterface
interface ParameterBinder {

  /**
   * The parameter value.
   *
   * @throws EventArgumentException when an event argument or the auth payload does not convert
   */
  Object bind(Invocation invocation);
}
