package dev.sio4j.annotation.binding;

import dev.sio4j.annotation.OnConnectGuard;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.parser.JsonBinding;
import dev.sio4j.socket.parser.PacketDecoder;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Scans an endpoint class once (its methods and those it inherits, an override hiding the overridden method) and
 * binds every annotated method, failing with an {@link EndpointDefinitionException} naming the class and method.
 * Stateless.
 */
final class EndpointIntrospector {

  private EndpointIntrospector() {}

  static EndpointModel scan(Class<?> type, JsonBinding json) {
    SocketIoEndpoint endpoint = type.getAnnotation(SocketIoEndpoint.class);
    if (endpoint == null) {
      throw new EndpointDefinitionException(type.getName() + " is not annotated @SocketIoEndpoint");
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new EndpointDefinitionException(type.getName() + " must be a concrete class");
    }
    String namespace = null;
    Pattern pattern = null;
    if (!endpoint.regex().isEmpty()) {
      if (!"/".equals(endpoint.value())) {
        throw new EndpointDefinitionException(type.getName() + ": @SocketIoEndpoint sets both a name and a regex");
      }
      try {
        pattern = Pattern.compile(endpoint.regex());
      } catch (PatternSyntaxException e) {
        throw new EndpointDefinitionException(type.getName() + ": invalid namespace regex \"" + endpoint.regex()
            + "\": " + e.getDescription(), e);
      }
    } else {
      if (endpoint.value().isBlank()) {
        throw new EndpointDefinitionException(type.getName() + ": empty namespace name");
      }
      namespace = endpoint.value().startsWith("/") ? endpoint.value() : "/" + endpoint.value();
    }

    Map<String, HandlerMethod> events = new LinkedHashMap<>();
    Map<HandlerKind, HandlerMethod> singles = new EnumMap<>(HandlerKind.class);
    String guardMessage = null;
    for (Method m : methods(type)) {
      HandlerKind kind = kindOf(type, m);
      if (kind == null) {
        continue;
      }
      HandlerMethod handler = HandlerMethod.bind(type, m, kind, json);
      if (kind == HandlerKind.EVENT) {
        String name = m.getAnnotation(OnEvent.class).value();
        if (name.isEmpty() || PacketDecoder.RESERVED_EVENTS.contains(name)) {
          throw new EndpointDefinitionException(handler + ": \"" + name + "\" is not a valid event name (empty or"
              + " reserved)");
        }
        HandlerMethod previous = events.putIfAbsent(name, handler);
        if (previous != null) {
          throw new EndpointDefinitionException(type.getName() + ": duplicate @OnEvent(\"" + name + "\") on "
              + previous + " and " + handler);
        }
      } else {
        HandlerMethod previous = singles.putIfAbsent(kind, handler);
        if (previous != null) {
          throw new EndpointDefinitionException(type.getName() + ": more than one " + kind.annotationName()
              + " method: " + previous + " and " + handler);
        }
        if (kind == HandlerKind.CONNECT_GUARD) {
          guardMessage = m.getAnnotation(OnConnectGuard.class).message();
        }
      }
    }
    return new EndpointModel(type, namespace, pattern, Map.copyOf(events), singles.get(HandlerKind.CONNECT_GUARD),
        singles.get(HandlerKind.CONNECT), singles.get(HandlerKind.ANY_EVENT), singles.get(HandlerKind.DISCONNECTING),
        singles.get(HandlerKind.DISCONNECT), singles.get(HandlerKind.ERROR), guardMessage);
  }

  private static HandlerKind kindOf(Class<?> type, Method m) {
    HandlerKind found = null;
    for (HandlerKind kind : HandlerKind.values()) {
      Annotation a = m.getAnnotation(kind.annotation);
      if (a != null) {
        if (found != null) {
          throw new EndpointDefinitionException(HandlerMethod.describe(type, m) + " carries both "
              + found.annotationName() + " and " + kind.annotationName());
        }
        found = kind;
      }
    }
    return found;
  }

  /** The declared methods of the class and its superclasses, subclass first, without overridden ones. */
  private static List<Method> methods(Class<?> type) {
    List<Method> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isBridge() || m.isSynthetic()) {
          continue;
        }
        String signature = m.getName() + java.util.Arrays.toString(m.getParameterTypes());
        boolean overridable = !Modifier.isPrivate(m.getModifiers()) && !Modifier.isStatic(m.getModifiers());
        if (overridable && !seen.add(signature)) {
          continue;
        }
        result.add(m);
      }
    }
    return result;
  }
}
