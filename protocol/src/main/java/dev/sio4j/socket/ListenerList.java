package dev.sio4j.socket;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A copy-on-write list of listeners that allocates its list only when the first listener is added: a socket has six
 * kinds of listeners and most sockets use none or one of them, so the empty ones cost a reference each instead of a
 * list, its array and its lock (about 56 bytes) per connection.
 *
 * <p>Thread safe; iteration sees a snapshot, as with {@link CopyOnWriteArrayList}.
 */
final class ListenerList<T> implements Iterable<T> {

  private volatile CopyOnWriteArrayList<T> list;

  /** Adds a listener at the end. */
  void add(T listener) {
    created().add(listener);
  }

  /** Adds a listener before the others. */
  void addFirst(T listener) {
    created().add(0, listener);
  }

  /** Removes one registration of a listener, if present. */
  void remove(T listener) {
    CopyOnWriteArrayList<T> l = list;
    if (l != null) {
      l.remove(listener);
    }
  }

  /** Removes every listener. */
  void clear() {
    CopyOnWriteArrayList<T> l = list;
    if (l != null) {
      l.clear();
    }
  }

  boolean isEmpty() {
    CopyOnWriteArrayList<T> l = list;
    return l == null || l.isEmpty();
  }

  /** The listeners now, in order (a live copy-on-write view, or an empty list). */
  List<T> asList() {
    CopyOnWriteArrayList<T> l = list;
    return l == null ? List.of() : l;
  }

  @Override
  public Iterator<T> iterator() {
    CopyOnWriteArrayList<T> l = list;
    return l == null ? Collections.emptyIterator() : l.iterator();
  }

  private CopyOnWriteArrayList<T> created() {
    CopyOnWriteArrayList<T> l = list;
    if (l == null) {
      synchronized (this) {
        l = list;
        if (l == null) {
          l = new CopyOnWriteArrayList<>();
          list = l;
        }
      }
    }
    return l;
  }
}
