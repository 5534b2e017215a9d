package dev.sio4j.annotation.binding;

import dev.sio4j.socket.Ack;
import dev.sio4j.socket.parser.JsonBinding;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * One annotated method, bound once at registration: its parameter binders and a {@link MethodHandle} spread over an
 * {@code Object[]}, so a message costs no reflection. Immutable, thread safe.
 */
final class HandlerMethod {

  /** What the method returns. */
  enum Result {
    VOID,
    VALUE,
    STAGE,
    BOOLEAN
  }

  private static final MethodType INVOKER = MethodType.methodType(Object.class, Object.class, Object[].class);

  final HandlerKind kind;
  final String description;
  final Result result;
  /** For {@link HandlerKind#ERROR}: the errors the method takes. */
  final Class<?> errorType;
  private final ParameterBinder[] binders;
  private final MethodHandle invoker;

  private HandlerMethod(HandlerKind kind, String description, Result result, Class<?> errorType,
      ParameterBinder[] binders, MethodHandle invoker) {
    this.kind = kind;
    this.description = description;
    this.result = result;
    this.errorType = errorType;
    this.binders = binders;
    this.invoker = invoker;
  }

  static HandlerMethod bind(Class<?> endpoint, Method method, HandlerKind kind, JsonBinding json) {
    String description = describe(endpoint, method);
    if (Modifier.isStatic(method.getModifiers())) {
      throw new EndpointDefinitionException(description + ": handler methods must not be static");
    }
    ParameterBinder[] binders = Parameters.binders(endpoint, method, kind, json);
    Result result = result(method, kind, description);
    Class<?> errorType = kind != HandlerKind.ERROR ? null : Arrays.stream(method.getParameterTypes())
        .filter(Throwable.class::isAssignableFrom).findFirst().orElseThrow();
    MethodHandle handle;
    try {
      method.setAccessible(true);
      handle = MethodHandles.lookup().unreflect(method);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new EndpointDefinitionException(description + " is not accessible: " + e.getMessage(), e);
    }
    handle = handle.asSpreader(Object[].class, binders.length).asType(INVOKER);
    return new HandlerMethod(kind, description, result, errorType, binders, handle);
  }

  private static Result result(Method method, HandlerKind kind, String description) {
    Class<?> r = method.getReturnType();
    boolean takesAck = Arrays.asList(method.getParameterTypes()).contains(Ack.class);
    switch (kind) {
      case EVENT -> {
        if (r == void.class) {
          return Result.VOID;
        }
        if (takesAck) {
          throw new EndpointDefinitionException(description + ": an @OnEvent method with an Ack parameter must return"
              + " void (the return value would be a second answer)");
        }
        return CompletionStage.class.isAssignableFrom(r) ? Result.STAGE : Result.VALUE;
      }
      case CONNECT_GUARD -> {
        if (r == void.class) {
          return Result.VOID;
        } else if (r == boolean.class || r == Boolean.class) {
          return Result.BOOLEAN;
        } else if (CompletionStage.class.isAssignableFrom(r)) {
          return Result.STAGE;
        }
        throw new EndpointDefinitionException(description + ": an @OnConnectGuard method must return boolean, void"
            + " or CompletionStage<Boolean>, not " + method.getGenericReturnType().getTypeName());
      }
      default -> {
        if (r != void.class) {
          throw new EndpointDefinitionException(description + ": an " + kind.annotationName()
              + " method must return void, not " + method.getGenericReturnType().getTypeName());
        }
        return Result.VOID;
      }
    }
  }

  /** The parameter values for one call. @throws EventArgumentException when an argument does not convert */
  Object[] bind(Invocation invocation) {
    Object[] args = new Object[binders.length];
    for (int i = 0; i < binders.length; i++) {
      args[i] = binders[i].bind(invocation);
    }
    return args;
  }

  /** Calls the method on {@code target}; exceptions thrown by the method pass through unwrapped. */
  Object invoke(Object target, Object[] args) throws Throwable {
    return (Object) invoker.invokeExact(target, args);
  }

  static String describe(Class<?> endpoint, Method method) {
    return endpoint.getName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
        .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
  }

  @Override
  public String toString() {
    return description;
  }
}
