package dev.sio4j.annotation.binding;

/**
 * A class given to {@link AnnotatedEndpoints} is not a valid endpoint (unbindable parameter, duplicate event name,
 * bad regex, wrong return type...). Thrown at registration; the message names the class and, when it applies, the
 * method.
 */
public class EndpointDefinitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the class (and method). */
  public EndpointDefinitionException(String message) {
    super(message);
  }

  /** Creates the exception with a cause. */
  public EndpointDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
