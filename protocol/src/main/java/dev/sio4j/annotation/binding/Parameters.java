package dev.sio4j.annotation.binding;

import dev.sio4j.annotation.Auth;
import dev.sio4j.annotation.EventName;
import dev.sio4j.socket.Ack;
import dev.sio4j.socket.DisconnectReason;
import dev.sio4j.socket.Handshake;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoServer;
import dev.sio4j.socket.parser.JsonBinding;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Decides, once per parameter at registration, what a handler parameter is bound to: a context object (socket,
 * handshake, ack, reason, error...) by type or annotation, else the next event argument by position. Stateless.
 */
final class Parameters {

  private Parameters() {}

  /** The binders of {@code method}'s parameters, in order; also the payload-argument count via {@code Binders}. */
  static ParameterBinder[] binders(Class<?> endpoint, Method method, HandlerKind kind, JsonBinding json) {
    Parameter[] params = method.getParameters();
    Type[] types = method.getGenericParameterTypes();
    ParameterBinder[] binders = new ParameterBinder[params.length];
    int position = 0;
    int errors = 0;
    for (int i = 0; i < params.length; i++) {
      Class<?> type = params[i].getType();
      String where = "parameter " + (i + 1) + " (" + types[i].getTypeName() + ") of " + HandlerMethod.describe(endpoint,
          method);
      if (params[i].isAnnotationPresent(Auth.class)) {
        binders[i] = auth(types[i], where, json);
      } else if (params[i].isAnnotationPresent(EventName.class)) {
        if (!kind.hasPayload() || type != String.class) {
          throw new EndpointDefinitionException(where + ": @EventName needs a String parameter of an @OnEvent or"
              + " @OnAnyEvent method");
        }
        binders[i] = Invocation::event;
      } else if (type == Socket.class) {
        binders[i] = Invocation::socket;
      } else if (type == Handshake.class) {
        binders[i] = inv -> inv.socket().handshake();
      } else if (type == Namespace.class) {
        binders[i] = inv -> inv.socket().namespace();
      } else if (type == SocketIoServer.class) {
        binders[i] = inv -> inv.socket().namespace().server();
      } else if (type == Ack.class) {
        if (kind != HandlerKind.EVENT) {
          throw new EndpointDefinitionException(where + ": an Ack parameter is only allowed in @OnEvent methods");
        }
        binders[i] = Invocation::ack;
      } else if (kind == HandlerKind.DISCONNECT || kind == HandlerKind.DISCONNECTING) {
        if (type == DisconnectReason.class) {
          binders[i] = Invocation::reason;
        } else if (type == String.class) {
          binders[i] = inv -> inv.reason().text();
        } else {
          throw unbindable(where, kind);
        }
      } else if (kind == HandlerKind.ERROR && Throwable.class.isAssignableFrom(type)) {
        if (errors++ > 0) {
          throw new EndpointDefinitionException(where + ": only one Throwable parameter is allowed");
        }
        binders[i] = Invocation::error;
      } else if (kind.hasAuth() && type == Map.class) {
        binders[i] = inv -> inv.socket().handshake().auth();
      } else if (kind.hasPayload()) {
        binders[i] = payload(types[i], position++, where, json);
      } else {
        throw unbindable(where, kind);
      }
    }
    if (kind == HandlerKind.ERROR && errors == 0) {
      throw new EndpointDefinitionException(HandlerMethod.describe(endpoint, method)
          + ": an @OnError method needs a Throwable parameter");
    }
    return binders;
  }

  private static EndpointDefinitionException unbindable(String where, HandlerKind kind) {
    return new EndpointDefinitionException(where + " cannot be bound in an " + kind.annotationName() + " method");
  }

  private static ParameterBinder auth(Type type, String where, JsonBinding json) {
    ValueConverter converter = converter(type, where, json);
    String expected = Converters.rawClass(type).getSimpleName();
    return inv -> {
      try {
        return converter.convert(inv.socket().handshake().auth());
      } catch (RuntimeException e) {
        throw new EventArgumentException(null, 0, "invalid auth payload: expected " + expected, e);
      }
    };
  }

  private static ParameterBinder payload(Type type, int index, String where, JsonBinding json) {
    ValueConverter converter = converter(type, where, json);
    String expected = Converters.rawClass(type).getSimpleName();
    return inv -> {
      Object value = index < inv.args().size() ? inv.args().get(index) : null;
      try {
        return converter.convert(value);
      } catch (RuntimeException e) {
        throw new EventArgumentException(inv.event(), index + 1, "invalid argument " + (index + 1) + " of event \""
            + inv.event() + "\": expected " + expected, e);
      }
    };
  }

  private static ValueConverter converter(Type type, String where, JsonBinding json) {
    String problem = Converters.problem(type);
    if (problem != null) {
      throw new EndpointDefinitionException(where + " cannot be bound: " + problem);
    }
    return Converters.forType(type, json);
  }
}
