package dev.sio4j.engine;

/**
 * A hook that decides whether a handshake (or upgrade) request may proceed, as Node's {@code allowRequest}.
 * Runs on the container thread that received the request: it must not block.
 */
@FunctionalInterface
public interface AllowRequest {

  /** Returns {@code true} to accept the request; {@code false} answers 403 with Engine.IO error code 4 ("Forbidden"). */
  boolean allow(EngineRequest request);
}
