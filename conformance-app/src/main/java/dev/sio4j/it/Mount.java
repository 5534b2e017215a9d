package dev.sio4j.it;

import dev.sio4j.engine.EngineServer;
import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContext;

/**
 * Where an app's servers are put to serve: a servlet context ({@link #of(ServletContext)}) or a runtime without one
 * (the standalone server), so that one app runs unchanged on every runtime. Called during setup only.
 */
public interface Mount {

  /** Serves a bare Engine.IO server at its path. */
  void serve(EngineServer engine);

  /** Serves a Socket.IO server at its path. */
  void serve(SocketIoServer io);

  /** Registration in a servlet context, with the library's public API ({@link SocketIoRegistration#register}). */
  static Mount of(ServletContext context) {
    return new Mount() {
      @Override
      public void serve(EngineServer engine) {
        SocketIoRegistration.register(context, engine);
      }

      @Override
      public void serve(SocketIoServer io) {
        SocketIoRegistration.register(context, io);
      }
    };
  }
}
