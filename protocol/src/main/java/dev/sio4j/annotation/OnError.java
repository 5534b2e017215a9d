package dev.sio4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives the errors of this endpoint's sockets: exceptions thrown (or stages failed) by its handler methods, event
 * arguments that could not be converted ({@code dev.sio4j.annotation.binding.EventArgumentException}) and the socket's
 * own errors (a refused packet middleware). Parameters: a {@code Throwable} (or a subtype: the method is only called
 * for errors of that type) and optionally {@code Socket}, {@code Handshake}, {@code Namespace}, {@code SocketIoServer}.
 * Returns {@code void}. At most one per class. Without it, errors are logged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnError {}
