package dev.sio4j.servlet;

import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.transport.ClientFiles;
import dev.sio4j.engine.transport.HttpResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Serves the Engine.IO polling transport (handshake, long-poll GET, data POST, CORS preflight) for one
 * {@link EngineServer}. Must be registered async-supported, mapped to the engine's path (e.g. {@code /socket.io/*}).
 *
 * <p>Every request is put in async mode with no container timeout (the engine answers each long poll within
 * {@code pingInterval}) and handed to {@link EngineServer#handlePolling}; bodies are read and responses written with
 * non-blocking I/O, so no container thread waits for the network.
 *
 * <p>Also serves the official browser client at {@code <path>socket.io.min.js} etc. when {@code sio4j-client-dist} is
 * on the class path (see {@link ClientFiles}; context-param {@code sio4j.serveClient=false} turns it off).
 *
 * <p>Constructed with an engine by {@link SocketIoRegistration}; the no-argument constructor (for {@code web.xml})
 * takes the engine from the servlet-context attribute {@link SocketIoRegistration#ENGINE_ATTRIBUTE} in
 * {@link #init()}, creating it from the context init-params when there is none.
 *
 * <p>Thread safe (one instance serves all requests).
 */
public class EnginePollingServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger("dev.sio4j.servlet");

  /** {@link dev.sio4j.engine.EngineRequest#attributes()} key of the request's {@link java.security.Principal}. */
  public static final String ATTRIBUTE_PRINCIPAL = "dev.sio4j.principal";

  private transient volatile EngineServer engine;
  /** The browser client to serve, or {@code null} (see {@link ClientFiles}); set in {@link #init()}. */
  private transient volatile ClientFiles clientFiles;

  /** For {@code web.xml}: the engine comes from the servlet context (see class Javadoc). */
  public EnginePollingServlet() {}

  /** Serves the given engine. */
  public EnginePollingServlet(EngineServer engine) {
    this.engine = engine;
  }

  @Override
  public void init() throws ServletException {
    if (engine == null) {
      engine = SocketIoRegistration.getOrCreateEngine(getServletContext());
    }
    ClassLoader loader = getServletContext().getClassLoader();
    clientFiles = new InitParams(getServletContext()::getInitParameter).serveClient()
        ? ClientFiles.load(loader != null ? loader : EnginePollingServlet.class.getClassLoader()) : null;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) {
    if (!req.isAsyncSupported()) {
      LOG.log(Level.ERROR, "EnginePollingServlet must be registered with async-supported=true (and so must every"
          + " filter in front of it); answering 500");
      resp.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      return;
    }
    ClientFiles client = clientFiles;
    HttpResponse clientFile = client == null ? null
        : client.answer(req.getMethod(), req.getPathInfo(), req.getHeader("If-None-Match"));
    AsyncContext async = req.startAsync();
    async.setTimeout(0);
    ServletPollingExchange exchange = new ServletPollingExchange(async, ServletEngineRequests.from(req));
    if (clientFile != null) {
      exchange.respond(clientFile); // written with non-blocking I/O like any engine answer
      return;
    }
    try {
      engine.handlePolling(exchange);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "engine failed on " + req.getRequestURI(), e);
      exchange.respond(HttpResponse.text(500, "application/json", "{\"code\":-1,\"message\":\"Internal error\"}",
          Map.of()));
    }
  }
}
