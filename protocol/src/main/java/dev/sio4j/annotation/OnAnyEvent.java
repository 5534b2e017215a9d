package dev.sio4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sees every incoming event before its {@link OnEvent} handler (Node's {@code socket.onAny}). Parameters as for
 * {@link OnEvent}, with the event name in an {@link EventName @EventName String} parameter; no {@code Ack} (the
 * {@link OnEvent} handler answers). Returns {@code void}. At most one per class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnAnyEvent {}
