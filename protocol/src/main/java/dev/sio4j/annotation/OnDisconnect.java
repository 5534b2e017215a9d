package dev.sio4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called after a socket left the namespace (Node's {@code disconnect} event). Parameters, in any order:
 * {@code Socket}, {@code Handshake}, {@code Namespace}, {@code SocketIoServer}, {@code DisconnectReason} or
 * {@code String} (the reason as Node reports it, e.g. {@code "client namespace disconnect"}). Returns {@code void}.
 * At most one per class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnDisconnect {}
