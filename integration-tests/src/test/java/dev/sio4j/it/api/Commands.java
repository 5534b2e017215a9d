package dev.sio4j.it.api;

import dev.sio4j.socket.Ack;
import dev.sio4j.socket.AckException;
import dev.sio4j.socket.BroadcastOperator;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.RemoteSocket;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketEmitter;
import dev.sio4j.socket.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The commands a test client sends to drive the server API on its socket: each is an event whose first argument is a
 * JSON object and whose acknowledgement carries the result (errors as {@code {"error": message}}).
 *
 * <p>{@code emit} is a tiny interpreter of the broadcast API: {@code {base, nsp?, ops, event, args, withAck?}} starts
 * from {@code io} (the socket's server), {@code nsp} (a namespace, a dynamic parent, or the socket's own) or
 * {@code socket}, applies the {@code ops} in order ({@code ["to", rooms...]}, {@code ["in", ...]},
 * {@code ["except", ...]}, {@code ["broadcast"]}, {@code ["volatile"]}, {@code ["local"]}, {@code ["compress", b]},
 * {@code ["timeout", ms]}) exactly as Java code would chain them, then emits (with {@code emitWithAck} when
 * {@code withAck}). {@code stream} {@code {room, action: "start"|"stop"}} starts or stops a {@link NumberStream} to a
 * room (stop answers {@code {last}}). Runs on the connection's callback thread, like any handler.
 */
final class Commands {

  private final ApiApp app;
  private final Socket socket;
  private final List<String> incoming = new CopyOnWriteArrayList<>();
  private final List<String> outgoing = new CopyOnWriteArrayList<>();
  private final AtomicInteger forbiddenRuns = new AtomicInteger();

  Commands(ApiApp app, Socket socket) {
    this.app = app;
    this.socket = socket;
  }

  void install() {
    socket.onAny((event, args) -> incoming.add(event));
    socket.onAnyOutgoing((event, args) -> outgoing.add(event));
    socket.use((event, next) -> {
      if ("forbidden".equals(event.get(0))) {
        next.fail(new IllegalStateException("forbidden event"));
      } else {
        next.proceed();
      }
    });
    socket.onError(error -> socket.emit("middleware-error", error.getMessage()));
    socket.on("forbidden", (args, ack) -> forbiddenRuns.incrementAndGet());

    command("emit", this::emit);
    command("join", (cmd, ack) -> {
      socket.join(strings(cmd.get("rooms")));
      ack.send(rooms(socket));
    });
    command("leave", (cmd, ack) -> {
      socket.leave((String) cmd.get("room"));
      ack.send(rooms(socket));
    });
    command("state", (cmd, ack) -> ack.send(Map.of("id", socket.id(), "rooms", rooms(socket), "data",
        new TreeMap<>(socket.data()), "recovered", socket.recovered(), "nsp", socket.namespace().name())));
    command("set-data", (cmd, ack) -> {
      socket.data().put((String) cmd.get("key"), cmd.get("value"));
      ack.send(true);
    });
    command("fetch", (cmd, ack) -> operator(cmd).fetchSockets().thenAccept(list -> {
      List<Object> out = new ArrayList<>();
      for (RemoteSocket s : list) {
        out.add(Map.of("id", s.id(), "rooms", rooms(s), "data", new TreeMap<>(s.data())));
      }
      ack.send(out);
    }));
    command("sockets-join", (cmd, ack) -> {
      operator(cmd).socketsJoin(strings(cmd.get("rooms")).toArray(String[]::new));
      ack.send(true);
    });
    command("sockets-leave", (cmd, ack) -> {
      operator(cmd).socketsLeave(strings(cmd.get("rooms")).toArray(String[]::new));
      ack.send(true);
    });
    command("disconnect-sockets", (cmd, ack) -> {
      ack.send(true);
      operator(cmd).disconnectSockets(Boolean.TRUE.equals(cmd.get("close")));
    });
    command("disconnect-me", (cmd, ack) -> {
      ack.send(true);
      socket.disconnect(Boolean.TRUE.equals(cmd.get("close")));
    });
    // no acknowledgement: the official client handles a close before the other packets of its polling payload
    command("drop", (cmd, ack) -> socket.conn().close());
    command("stream", (cmd, ack) -> {
      String room = (String) cmd.get("room");
      if ("start".equals(cmd.get("action"))) {
        app.streams().put(room, new NumberStream(socket.namespace(), room));
        ack.send(true);
        return;
      }
      // answered from the stream's thread, after its last emit: the numbers reach this client before the answer
      app.streams().remove(room).stop().thenAccept(last -> ack.send(Map.of("last", last)));
    });
    command("await-disconnect", (cmd, ack) -> app.disconnection((String) cmd.get("id"))
        .orTimeout(20, TimeUnit.SECONDS)
        .whenComplete((d, error) -> ack.send(error != null ? Map.of("error", "no disconnection seen")
            : Map.of("reason", d.reason(), "roomsWhileDisconnecting", d.roomsWhileDisconnecting(), "roomsAfter",
                d.roomsAfter()))));
    command("server-ack", (cmd, ack) -> {
      Object timeout = cmd.get("timeoutMs");
      Object[] args = list(cmd.get("args")).toArray();
      String event = (String) cmd.get("event");
      CompletionStage<List<Object>> answer = timeout == null ? socket.emitWithAck(event, args)
          : socket.timeout(Duration.ofMillis(((Number) timeout).longValue())).emitWithAck(event, args);
      reply(answer, ack);
    });
    command("binary", (cmd, ack) -> {
      byte[] top = {1, 2, 3};
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("name", "nested");
      nested.put("deep", List.of(Map.of("bytes", new byte[] {4, 5}), new byte[] {6}));
      socket.emit("binary", top, nested);
      ack.send(new byte[] {7, 8}, Map.of("inAck", new byte[] {9}));
    });
    command("any-log", (cmd, ack) -> ack.send(Map.of("incoming", List.copyOf(incoming), "outgoing",
        List.copyOf(outgoing))));
    command("forbidden-runs", (cmd, ack) -> ack.send(forbiddenRuns.get()));
    // which namespace object the main server has for a name: tells a removed (and re-made) dynamic child apart
    command("nsp-instance", (cmd, ack) -> ack.send(System.identityHashCode(app.namespace((String) cmd.get("name")))));
    socket.on("echo", (args, ack) -> {
      if (ack != null) {
        ack.send(args.toArray());
      } else {
        socket.emit("echo", args.toArray());
      }
    });
    socket.on("never-ack", (args, ack) -> { });
  }

  private interface Command {
    void run(Map<String, Object> cmd, Ack ack);
  }

  @SuppressWarnings("unchecked")
  private void command(String name, Command command) {
    socket.on(name, (args, ack) -> {
      Map<String, Object> cmd = args.isEmpty() || !(args.get(0) instanceof Map) ? Map.of()
          : (Map<String, Object>) args.get(0);
      Ack answer = ack == null ? values -> { } : ack;
      try {
        command.run(cmd, answer);
      } catch (RuntimeException e) {
        answer.send(Map.of("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    });
  }

  private void emit(Map<String, Object> cmd, Ack ack) {
    Object target = base(cmd);
    for (Object op : list(cmd.get("ops"))) {
      target = apply(target, list(op));
    }
    String event = (String) cmd.get("event");
    Object[] args = list(cmd.get("args")).toArray();
    if (cmd.get("repeat") instanceof Number n) { // a burst: the arguments plus the index, n times
      for (int i = 0; i < n.intValue(); i++) {
        Object[] withIndex = java.util.Arrays.copyOf(args, args.length + 1);
        withIndex[args.length] = i;
        emitOnce(target, event, withIndex);
      }
      ack.send(true);
      return;
    }
    if (Boolean.TRUE.equals(cmd.get("withAck"))) {
      CompletionStage<List<Object>> answers;
      if (target instanceof BroadcastOperator op) {
        answers = op.emitWithAck(event, args);
      } else if (target instanceof SocketEmitter e) {
        answers = e.emitWithAck(event, args);
      } else if (target instanceof Socket s) {
        answers = s.emitWithAck(event, args);
      } else {
        throw new IllegalArgumentException("cannot emit with ack on " + target);
      }
      reply(answers, ack);
      return;
    }
    emitOnce(target, event, args);
    ack.send(true);
  }

  private static void emitOnce(Object target, String event, Object[] args) {
    if (target instanceof SocketIoServer io) {
      io.emit(event, args);
    } else if (target instanceof Namespace nsp) {
      nsp.emit(event, args);
    } else if (target instanceof Socket s) {
      s.emit(event, args);
    } else if (target instanceof BroadcastOperator op) {
      op.emit(event, args);
    } else if (target instanceof SocketEmitter e) {
      e.emit(event, args);
    } else {
      throw new IllegalArgumentException("cannot emit on " + target);
    }
  }

  private Object base(Map<String, Object> cmd) {
    return switch (String.valueOf(cmd.getOrDefault("base", "nsp"))) {
      case "io" -> socket.namespace().server();
      case "socket" -> socket;
      default -> namespace(cmd);
    };
  }

  private Namespace namespace(Map<String, Object> cmd) {
    Object name = cmd.get("nsp");
    if (name == null) {
      return socket.namespace();
    }
    Namespace parent = app.parent((String) name);
    return parent != null ? parent : socket.namespace().server().of((String) name);
  }

  /** A selection on the command's namespace (its {@code ops}: to / in / except only). */
  private BroadcastOperator operator(Map<String, Object> cmd) {
    Object target = namespace(cmd);
    BroadcastOperator op = ((Namespace) target).except();
    for (Object o : list(cmd.get("ops"))) {
      op = (BroadcastOperator) apply(op, list(o));
    }
    return op;
  }

  private static Object apply(Object target, List<Object> op) {
    String name = (String) op.get(0);
    String[] rooms = strings(op.subList(1, op.size())).toArray(String[]::new);
    Duration timeout = name.equals("timeout") ? Duration.ofMillis(((Number) op.get(1)).longValue()) : null;
    if (target instanceof SocketIoServer io) {
      return switch (name) {
        case "to" -> io.to(rooms);
        case "in" -> io.in(rooms);
        case "except" -> io.except(rooms);
        case "volatile" -> io.volatile_();
        case "local" -> io.local();
        case "timeout" -> io.timeout(timeout);
        case "compress" -> io.compress(Boolean.TRUE.equals(op.get(1)));
        default -> throw new IllegalArgumentException("io has no " + name);
      };
    } else if (target instanceof Namespace nsp) {
      return switch (name) {
        case "to" -> nsp.to(rooms);
        case "in" -> nsp.in(rooms);
        case "except" -> nsp.except(rooms);
        case "volatile" -> nsp.volatile_();
        case "local" -> nsp.local();
        case "timeout" -> nsp.timeout(timeout);
        case "compress" -> nsp.compress(Boolean.TRUE.equals(op.get(1)));
        default -> throw new IllegalArgumentException("namespace has no " + name);
      };
    } else if (target instanceof Socket s) {
      return switch (name) {
        case "to" -> s.to(rooms);
        case "in" -> s.in(rooms);
        case "except" -> s.except(rooms);
        case "broadcast" -> s.broadcast();
        case "local" -> s.local();
        case "volatile" -> s.volatile_();
        case "timeout" -> s.timeout(timeout);
        case "compress" -> s.compress(Boolean.TRUE.equals(op.get(1)));
        default -> throw new IllegalArgumentException("socket has no " + name);
      };
    } else if (target instanceof BroadcastOperator o) {
      return switch (name) {
        case "to" -> o.to(rooms);
        case "in" -> o.in(rooms);
        case "except" -> o.except(rooms);
        case "volatile" -> o.volatile_();
        case "local" -> o.local();
        case "timeout" -> o.timeout(timeout);
        case "compress" -> o.compress(Boolean.TRUE.equals(op.get(1)));
        default -> throw new IllegalArgumentException("operator has no " + name);
      };
    } else if (target instanceof SocketEmitter e) {
      return switch (name) {
        case "volatile" -> e.volatile_();
        case "timeout" -> e.timeout(timeout);
        case "compress" -> e.compress(Boolean.TRUE.equals(op.get(1)));
        default -> throw new IllegalArgumentException("socket emitter has no " + name);
      };
    }
    throw new IllegalArgumentException("unknown target " + target);
  }

  private static void reply(CompletionStage<List<Object>> answers, Ack ack) {
    answers.whenComplete((responses, error) -> {
      if (error == null) {
        ack.send(Map.of("responses", responses));
        return;
      }
      Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
          ? error.getCause() : error;
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("error", String.valueOf(cause.getMessage()));
      if (cause instanceof AckException a) {
        out.put("kind", a.kind().name());
        out.put("responses", a.responses() == null ? List.of() : a.responses());
      }
      ack.send(out);
    });
  }

  private static List<String> rooms(RemoteSocket s) {
    return List.copyOf(new TreeSet<>(s.rooms()));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    for (Object x : list(o)) {
      out.add(String.valueOf(x));
    }
    return out;
  }
}
