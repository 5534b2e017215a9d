package dev.sio4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Decides whether a socket may join the namespace (a namespace middleware, Node's {@code namespace.use}). Parameters
 * as for {@link OnConnect}. Return type: {@code boolean}/{@code Boolean} ({@code false} or {@code null} refuses with
 * CONNECT_ERROR {@code {"message":message()}}), {@code void} (admits unless it throws), or
 * {@code CompletionStage<Boolean>} / {@code CompletionStage<Void>} for an asynchronous decision. Throwing (or failing
 * the stage with) {@code dev.sio4j.socket.ConnectionRefused} sends its message and data: CONNECT_ERROR
 * {@code {"message":…,"data":…}}; any other exception is logged and answered {@code {"message":"server error"}}.
 * At most one per class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnConnectGuard {

  /** The CONNECT_ERROR message sent when the guard returns {@code false}. */
  String message() default "connection refused";
}
