package dev.sio4j.socket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.BiPredicate;

/**
 * A dynamic namespace (Node's {@code ParentNamespace}): creates a child {@link Namespace} for each matching name a
 * client connects to. Children copy the parent's middlewares at creation and report their connections to the
 * parent's listeners; broadcasting on the parent reaches every child. Thread safe.
 */
final class ParentNamespace extends Namespace {

  private static final java.util.concurrent.atomic.AtomicLong COUNT = new java.util.concurrent.atomic.AtomicLong();

  private final BiPredicate<String, Map<String, Object>> matcher;
  private final Set<Namespace> children;

  private final boolean regex;

  ParentNamespace(SocketIoServer server, BiPredicate<String, Map<String, Object>> matcher, boolean regex) {
    this(server, matcher, regex, new CopyOnWriteArraySet<>());
  }

  private ParentNamespace(SocketIoServer server, BiPredicate<String, Map<String, Object>> matcher, boolean regex,
      Set<Namespace> children) {
    super(server, "/_" + COUNT.getAndIncrement(), null, nsp -> new ParentBroadcastAdapter(children));
    this.matcher = matcher;
    this.regex = regex;
    this.children = children;
  }

  /** Whether this parent was made from a pattern (then {@code io.of(name)} also creates matching children). */
  boolean isRegex() {
    return regex;
  }

  boolean matches(String name, Map<String, Object> auth) {
    try {
      return matcher.test(name, auth);
    } catch (Throwable t) {
      Callbacks.failed(t, () -> "the namespace matcher (for " + name + ")");
      return false;
    }
  }

  Namespace createChild(String name) {
    Namespace child = new Namespace(server(), name, this);
    children.add(child);
    return child;
  }

  void removeChild(Namespace child) {
    children.remove(child);
  }

  Set<Namespace> children() {
    return children;
  }

  @Override
  Socket socket(String id) {
    for (Namespace child : children) {
      Socket s = child.socket(id);
      if (s != null) {
        return s;
      }
    }
    return null;
  }
}
