package dev.sio4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the CONNECT auth payload (the client's {@code auth} option), converted with JSON-B to the parameter's type,
 * in {@link OnConnect} and {@link OnConnectGuard} methods: {@code @Auth Credentials credentials}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Auth {}
