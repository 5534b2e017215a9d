package dev.sio4j.annotation.binding;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * An endpoint class as scanned once by {@link EndpointIntrospector}. Immutable.
 *
 * @param type the endpoint class
 * @param namespace the literal namespace name (leading {@code /}), or {@code null} when {@code pattern} is set
 * @param pattern the dynamic namespace pattern, or {@code null}
 * @param events the {@code @OnEvent} methods by event name
 * @param guard the {@code @OnConnectGuard} method or {@code null}; likewise the other single handlers
 */
record EndpointModel(
    Class<?> type,
    String namespace,
    Pattern pattern,
    Map<String, HandlerMethod> events,
    HandlerMethod guard,
    HandlerMethod connect,
    HandlerMethod anyEvent,
    HandlerMethod disconnecting,
    HandlerMethod disconnect,
    HandlerMethod error,
    String guardMessage) {}
