package dev.sio4j.socket;

/** Answers a client's acknowledgement request. Only the first call sends. Thread safe. */
@FunctionalInterface
public interface Ack {

  /** Sends the ACK packet with these arguments (binary allowed). */
  void send(Object... args);
}
