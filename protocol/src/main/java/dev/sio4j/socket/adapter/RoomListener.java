package dev.sio4j.socket.adapter;

/**
 * Room life-cycle events of an {@link Adapter} (Node's {@code create-room}, {@code delete-room}, {@code join-room},
 * {@code leave-room}). Called on the thread that changed the room, outside the adapter's lock; must not block. Every
 * method has an empty default.
 */
public interface RoomListener {

  /** A room got its first member. */
  default void onCreateRoom(String room) {}

  /** A room lost its last member. */
  default void onDeleteRoom(String room) {}

  /** A socket joined a room. */
  default void onJoinRoom(String room, String socketId) {}

  /** A socket left a room. */
  default void onLeaveRoom(String room, String socketId) {}
}
