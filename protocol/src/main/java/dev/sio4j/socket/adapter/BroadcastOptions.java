package dev.sio4j.socket.adapter;

import java.util.Set;

/**
 * Who receives a broadcast (Node's {@code BroadcastOptions}): the members of {@code rooms} (every socket of the
 * namespace when empty), minus the members of {@code except}. Immutable.
 *
 * @param rooms the target rooms; empty means all sockets
 * @param except rooms (a socket id is a room) whose members are skipped
 * @param flags the modifiers
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, BroadcastFlags flags) {

  /** Copies the sets. */
  public BroadcastOptions {
    rooms = Set.copyOf(rooms);
    except = Set.copyOf(except);
    flags = flags == null ? BroadcastFlags.NONE : flags;
  }

  /** Every socket of the namespace. */
  public static BroadcastOptions all() {
    return new BroadcastOptions(Set.of(), Set.of(), BroadcastFlags.NONE);
  }
}
