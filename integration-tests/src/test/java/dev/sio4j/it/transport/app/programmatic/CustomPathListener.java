package dev.sio4j.it.transport.app.programmatic;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.it.transport.app.Echo;
import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;

/**
 * The programmatic way (with {@code sio4j.enabled=false} in {@code web.xml}): a {@code @WebListener} registers its own
 * Socket.IO server with custom options, at {@value #PATH} with pingInterval {@value #PING_INTERVAL_MS} ms (the client
 * sees it in the handshake), and closes it on undeploy.
 */
@WebListener
public final class CustomPathListener implements ServletContextListener {

  /** The custom engine path. */
  public static final String PATH = "/rt/";
  /** The custom ping interval, in milliseconds. */
  public static final int PING_INTERVAL_MS = 12_345;

  private SocketIoServer io;

  @Override
  public void contextInitialized(ServletContextEvent sce) {
    io = new SocketIoServer(SocketIoOptions.builder()
        .engine(EngineOptions.builder().path(PATH).pingInterval(Duration.ofMillis(PING_INTERVAL_MS)).build())
        .build());
    Echo.install(io);
    SocketIoRegistration.register(sce.getServletContext(), io);
  }

  @Override
  public void contextDestroyed(ServletContextEvent sce) {
    io.close();
  }
}
