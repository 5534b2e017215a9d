package dev.sio4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once a socket has joined the namespace (Node's {@code connection} event). Parameters, in any order:
 * {@code Socket}, {@code Handshake}, {@code Namespace}, {@code SocketIoServer}, {@code Map<String,Object>} (the raw
 * CONNECT auth payload) or an {@link Auth @Auth} parameter of any JSON-B type. Returns {@code void}. At most one per
 * class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnConnect {}
