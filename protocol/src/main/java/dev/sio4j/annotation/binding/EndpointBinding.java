package dev.sio4j.annotation.binding;

import dev.sio4j.socket.Ack;
import dev.sio4j.socket.ConnectionRefused;
import dev.sio4j.socket.DisconnectReason;
import dev.sio4j.socket.Middleware;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoServer;
import dev.sio4j.engine.ThrottledLog;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Wires one {@link EndpointModel} into a namespace: a middleware that resolves the instance and runs the guard, and a
 * connection listener that registers the socket's handlers. Every outcome of a handler call is mapped here: a value
 * or completed stage answers the ack; a conversion failure answers {@code {"error":message}} and logs one line; a
 * handler exception answers {@code {"error":"internal server error"}} and goes to {@code @OnError} (or the log).
 *
 * <p>Thread safe; handlers run on the socket layer's threads (see {@link Socket}).
 */
final class EndpointBinding {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.socket");
  static final String INTERNAL_ERROR = "internal server error";
  static final String SERVER_ERROR = "server error";

  private final EndpointModel model;
  private final LazyInstance instance;
  /**
   * Arguments that do not bind are the client's doing: one line per interval at most, with a count, so one POST
   * holding thousands of bad packets cannot flood the log (the client still gets each error in its ack).
   */
  private final ThrottledLog bindFailures = new ThrottledLog(LOG, Duration.ofMinutes(1));

  EndpointBinding(EndpointModel model, LazyInstance instance) {
    this.model = model;
    this.instance = instance;
  }

  Namespace attach(SocketIoServer io) {
    Namespace nsp = model.pattern() != null ? io.of(model.pattern()) : io.of(model.namespace());
    nsp.use(this::admit);
    nsp.onConnection(this::connected);
    return nsp;
  }

  /** The ack answer for a failed call: one argument, {@code {"error":message}}. */
  static Map<String, Object> errorReply(String message) {
    return Map.of("error", message);
  }

  // ---- connecting ----

  private void admit(Socket socket, Middleware.Next next) {
    Object target;
    try {
      target = instance.get();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "cannot create endpoint " + model.type().getName() + "; refusing " + socket, e);
      next.fail(new ConnectionRefused(SERVER_ERROR));
      return;
    }
    HandlerMethod guard = model.guard();
    if (guard == null) {
      next.proceed();
      return;
    }
    Object result;
    try {
      result = guard.invoke(target, guard.bind(Invocation.connect(socket)));
    } catch (Throwable t) {
      next.fail(refusal(guard, socket, t));
      return;
    }
    if (result instanceof CompletionStage<?> stage) {
      stage.whenComplete((v, e) -> {
        if (e != null) {
          next.fail(refusal(guard, socket, unwrap(e)));
        } else {
          decide(v, next);
        }
      });
    } else if (guard.result == HandlerMethod.Result.VOID) {
      next.proceed();
    } else {
      decide(result, next);
    }
  }

  /**
   * A boolean guard admits on {@code true} only; a stage admits unless it completes with {@code false} (a
   * {@code CompletionStage<Void>} completes with {@code null}).
   */
  private void decide(Object verdict, Middleware.Next next) {
    boolean admitted = model.guard().result == HandlerMethod.Result.BOOLEAN
        ? Boolean.TRUE.equals(verdict)
        : !Boolean.FALSE.equals(verdict);
    if (admitted) {
      next.proceed();
    } else {
      next.fail(new ConnectionRefused(model.guardMessage()));
    }
  }

  private ConnectionRefused refusal(HandlerMethod guard, Socket socket, Throwable t) {
    if (t instanceof ConnectionRefused refused) {
      return refused;
    }
    if (t instanceof EventArgumentException e) {
      bindFailures.warn(() -> guard + " refused " + socket + ": " + e.getMessage() + " (" + e.getCause() + ")");
      return new ConnectionRefused(e.getMessage());
    }
    LOG.log(Level.WARNING, guard + " threw; refusing " + socket, t);
    return new ConnectionRefused(SERVER_ERROR);
  }

  // ---- connected ----

  private void connected(Socket socket) {
    Object target = instance.get(); // resolved by admit()
    model.events().forEach((event, handler) ->
        socket.on(event, (args, ack) -> onEvent(target, handler, socket, event, args, ack)));
    HandlerMethod any = model.anyEvent();
    if (any != null) {
      socket.onAny((event, args) -> onEvent(target, any, socket, event, args, null));
    }
    if (model.disconnecting() != null) {
      socket.onDisconnecting(reason -> onDisconnect(target, model.disconnecting(), socket, reason));
    }
    if (model.disconnect() != null) {
      socket.onDisconnect(reason -> onDisconnect(target, model.disconnect(), socket, reason));
    }
    if (model.error() != null) {
      socket.onError(e -> reportError(target, socket, model.error(), e));
    }
    HandlerMethod connect = model.connect();
    if (connect != null) {
      call(target, connect, socket, Invocation.connect(socket), null);
    }
  }

  private void onEvent(Object target, HandlerMethod handler, Socket socket, String event, List<Object> args,
      Ack ack) {
    Object result = call(target, handler, socket, Invocation.event(socket, event, args, ack), ack);
    if (result == NOTHING || handler.result == HandlerMethod.Result.VOID) {
      return;
    }
    if (result instanceof CompletionStage<?> stage) {
      stage.whenComplete((v, e) -> {
        if (e != null) {
          failed(target, handler, socket, unwrap(e), ack);
        } else {
          answer(handler, ack, v);
        }
      });
    } else {
      answer(handler, ack, result);
    }
  }

  private void onDisconnect(Object target, HandlerMethod handler, Socket socket, DisconnectReason reason) {
    call(target, handler, socket, Invocation.disconnect(socket, reason), null);
  }

  private static final Object NOTHING = new Object();

  /** Binds and calls; on failure answers the ack, reports, and returns {@link #NOTHING}. */
  private Object call(Object target, HandlerMethod handler, Socket socket, Invocation invocation, Ack ack) {
    Object[] params;
    try {
      params = handler.bind(invocation);
    } catch (EventArgumentException e) {
      if (!bindFailures.warn(() -> socket + ": " + e.getMessage() + " for " + handler + " (" + e.getCause() + ")")) {
        LOG.log(Level.DEBUG, () -> socket + ": " + e.getMessage() + " for " + handler + " (" + e.getCause() + ")");
      }
      if (ack != null) {
        ack.send(errorReply(e.getMessage()));
      }
      if (model.error() != null) {
        reportError(target, socket, model.error(), e);
      }
      return NOTHING;
    }
    try {
      return handler.invoke(target, params);
    } catch (Throwable t) {
      failed(target, handler, socket, t, ack);
      return NOTHING;
    }
  }

  private void failed(Object target, HandlerMethod handler, Socket socket, Throwable t, Ack ack) {
    if (t instanceof VirtualMachineError e) {
      throw e; // out of memory and the like are not ours to swallow
    }
    if (ack != null) {
      ack.send(errorReply(INTERNAL_ERROR));
    }
    HandlerMethod onError = model.error();
    if (onError != null && onError.errorType.isInstance(t) && handler != onError) {
      reportError(target, socket, onError, t);
    } else {
      LOG.log(Level.WARNING, handler + " threw for " + socket, t);
    }
  }

  private void reportError(Object target, Socket socket, HandlerMethod onError, Throwable error) {
    if (!onError.errorType.isInstance(error)) {
      LOG.log(Level.DEBUG, () -> socket + ": " + error + " not taken by " + onError);
      return;
    }
    try {
      onError.invoke(target, onError.bind(Invocation.error(socket, error)));
    } catch (Throwable t) {
      LOG.log(Level.WARNING, onError + " threw while handling " + error, t);
    }
  }

  private static void answer(HandlerMethod handler, Ack ack, Object value) {
    if (ack == null) {
      return;
    }
    try {
      ack.send(new Object[] {value}); // one argument, even for arrays and lists
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "cannot send the ack of " + handler + ": " + e.getMessage()); // the client left
    }
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
