package dev.sio4j.servlet;

import dev.sio4j.engine.EngineServer;
import dev.sio4j.socket.SocketIoServer;
import dev.sio4j.socket.adapter.Adapter;
import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.AdapterProvider;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.lang.System.Logger.Level;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

/**
 * Registers an engine's transports in a servlet context: the async {@link EnginePollingServlet} at
 * {@code <path>*} and every {@link EngineTransportRegistrar} found with {@link ServiceLoader} (the JSR-356 WebSocket
 * endpoint when {@code sio4j-jakarta-websocket-transport} is on the class path), so all transports feed ONE engine.
 *
 * <p>Three ways to use it:
 *
 * <ol>
 *   <li><b>Automatic</b> (nothing to write): {@link SocketIoServletContainerInitializer} calls {@link
 *       #getOrCreate} and {@link #register(ServletContext, SocketIoServer)} at deployment. Applications take the
 *       {@link SocketIoServer} from the servlet-context attribute {@link #SOCKET_IO_ATTRIBUTE} in their own
 *       {@code ServletContextListener} (which runs after initializers) and attach their handlers:
 *       <pre>{@code
 * @WebListener
 * public class Chat implements ServletContextListener {
 *   public void contextInitialized(ServletContextEvent e) {
 *     SocketIoServer io = (SocketIoServer) e.getServletContext().getAttribute(SocketIoRegistration.SOCKET_IO_ATTRIBUTE);
 *     io.onConnection(socket -> socket.on("chat", (args, ack) -> io.emit("chat", args.toArray())));
 *   }
 * }
 * }</pre>
 *   <li><b>web.xml</b>: declare {@link SocketIoRegistrationListener} as a {@code <listener>}: the same as the
 *       automatic way, for deployments that exclude library initializers (e.g. {@code <absolute-ordering/>}).
 *   <li><b>Programmatic</b>: set the context-param {@code sio4j.enabled=false} and call
 *       {@code SocketIoRegistration.register(context, new SocketIoServer(myOptions))} (or a bare
 *       {@link EngineServer}) from a {@code @WebListener}'s
 *       {@code contextInitialized} (or from your own {@code ServletContainerInitializer}).
 * </ol>
 *
 * <p>Thread safe: registration is serialised on one lock, and registering the same engine path twice is a no-op.
 */
public final class SocketIoRegistration {

  /** Servlet-context attribute holding the application's {@link SocketIoServer}. */
  public static final String SOCKET_IO_ATTRIBUTE = "dev.sio4j.socket.SocketIoServer";

  /** Servlet-context attribute holding the application's {@link EngineServer} (that of the Socket.IO server). */
  public static final String ENGINE_ATTRIBUTE = "dev.sio4j.engine.EngineServer";

  /** Prefix of the servlet-context attribute marking a path as registered; the full name ends with the path. */
  static final String REGISTERED_PREFIX = "dev.sio4j.servlet.registered:";

  /** Context attribute holding what closes a server {@link #getOrCreate} made (and its adapter factory). */
  static final String CLOSE_ATTRIBUTE = "dev.sio4j.servlet.close";

  private static final System.Logger LOG = System.getLogger("dev.sio4j.servlet");
  private static final Object LOCK = new Object();

  private SocketIoRegistration() {}

  /**
   * Returns the context's Socket.IO server ({@link #SOCKET_IO_ATTRIBUTE}), creating and storing one from the context
   * init-params (see {@link InitParams}) when there is none. A server created here is closed when the context is
   * destroyed.
   */
  public static SocketIoServer getOrCreate(ServletContext context) {
    synchronized (LOCK) {
      Object existing = context.getAttribute(SOCKET_IO_ATTRIBUTE);
      if (existing instanceof SocketIoServer io) {
        return io;
      }
      InitParams params = new InitParams(context::getInitParameter);
      String adapter = params.adapter();
      // sio4j.adapter=redis: the provider comes from the application's class path (sio4j-redis-adapter), so this
      // module does not depend on it; an unknown name or a missing setting fails the deployment, naming it.
      Function<AdapterNamespace, Adapter> adapters = adapter == null ? null
          : AdapterProvider.find(adapter, context.getClassLoader()).create(params::setting);
      SocketIoServer io;
      try {
        io = new SocketIoServer(params.socketIoOptions(adapters));
      } catch (RuntimeException e) {
        if (adapters instanceof AutoCloseable resource) {   // e.g. a malformed sio4j.* value: no connection left open
          closeQuietly(resource);
        }
        throw e;
      }
      context.setAttribute(SOCKET_IO_ATTRIBUTE, io);
      context.setAttribute(ENGINE_ATTRIBUTE, io.engine());
      java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
      Runnable close = () -> {                               // once, whether the initializer's or the listener's
        if (closed.getAndSet(true)) {
          return;
        }
        io.close();
        if (adapters instanceof AutoCloseable resource) {   // after the server: its adapters still publish on close
          closeQuietly(resource);
        }
      };
      context.setAttribute(CLOSE_ATTRIBUTE, close);
      closeOnDestroy(context, close);
      if (adapter != null) {
        LOG.log(Level.INFO, () -> "sio4j: adapter " + adapter + " in " + contextName(context));
      }
      return io;
    }
  }

  /**
   * Returns the context's engine ({@link #ENGINE_ATTRIBUTE}), or that of {@link #getOrCreate} when there is none.
   */
  public static EngineServer getOrCreateEngine(ServletContext context) {
    synchronized (LOCK) {
      Object existing = context.getAttribute(ENGINE_ATTRIBUTE);
      if (existing instanceof EngineServer e) {
        return e;
      }
      return getOrCreate(context).engine();
    }
  }

  /**
   * Registers the transports of a Socket.IO server (see {@link #register(ServletContext, EngineServer)}) and stores it
   * under {@link #SOCKET_IO_ATTRIBUTE} if that attribute is unset.
   */
  public static void register(ServletContext context, SocketIoServer io) {
    synchronized (LOCK) {
      if (context.getAttribute(SOCKET_IO_ATTRIBUTE) == null) {
        context.setAttribute(SOCKET_IO_ATTRIBUTE, io);
      }
      register(context, io.engine());
    }
  }

  /**
   * Registers the polling servlet and the other transports of {@code engine} at its path. Stores the engine under
   * {@link #ENGINE_ATTRIBUTE} if that attribute is unset. Call during deployment only.
   *
   * @throws IllegalStateException if another engine is already registered at the same path (e.g. the automatic
   *     registration ran: set {@code sio4j.enabled=false})
   */
  public static void register(ServletContext context, EngineServer engine) {
    String path = engine.options().path();
    synchronized (LOCK) {
      String marker = REGISTERED_PREFIX + path;
      Object registered = context.getAttribute(marker);
      if (registered == engine) {
        return;
      }
      if (registered != null) {
        throw new IllegalStateException("another engine is already registered at " + path
            + " (the automatic registration? set the context-param " + InitParams.ENABLED + "=false)");
      }
      if (context.getAttribute(ENGINE_ATTRIBUTE) == null) {
        context.setAttribute(ENGINE_ATTRIBUTE, engine);
      }
      ServletRegistration.Dynamic servlet = context.addServlet("sio4j-polling " + path, new EnginePollingServlet(engine));
      if (servlet == null) {
        throw new IllegalStateException("a servlet named 'sio4j-polling " + path + "' already exists");
      }
      servlet.setAsyncSupported(true);
      Set<String> conflicts = servlet.addMapping(path + "*");
      if (!conflicts.isEmpty()) {
        LOG.log(Level.WARNING, "sio4j: URL patterns " + conflicts + " are already mapped; polling may not be served");
      }
      registerOtherTransports(context, engine);
      context.setAttribute(marker, engine);
      LOG.log(Level.INFO, () -> "sio4j: Engine.IO registered at " + context.getContextPath() + path);
    }
  }

  private static void registerOtherTransports(ServletContext context, EngineServer engine) {
    ClassLoader loader = context.getClassLoader();
    try {
      for (EngineTransportRegistrar registrar : ServiceLoader.load(EngineTransportRegistrar.class, loader)) {
        try {
          if (!registrar.register(context, engine)) {
            LOG.log(Level.WARNING, "sio4j: " + registrar.getClass().getName() + " is not supported by this container;"
                + " clients will use polling only");
          }
        } catch (RuntimeException | LinkageError e) {
          LOG.log(Level.WARNING, "sio4j: " + registrar.getClass().getName() + " failed; clients will use polling only",
              e);
        }
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      // e.g. the WebSocket module is present but the container has no jakarta.websocket API
      LOG.log(Level.WARNING, "sio4j: cannot load transport registrars; clients will use polling only", e);
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "sio4j: closing the adapter failed", e);
    }
  }

  /** The context path for log lines: {@code /} for the root context (whose path is the empty string). */
  static String contextName(ServletContext context) {
    String path = context.getContextPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  /**
   * Runs {@code close} when the context is destroyed; a no-op if listeners can no longer be added (only an initializer
   * may add a {@code ServletContextListener}: called from {@link SocketIoRegistrationListener}, the containers throw
   * IllegalArgumentException, and that listener closes the server itself).
   */
  static void closeOnDestroy(ServletContext context, Runnable close) {
    try {
      context.addListener(new ServletContextListener() {
        @Override
        public void contextDestroyed(ServletContextEvent sce) {
          close.run();
        }
      });
    } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
      LOG.log(Level.DEBUG, () -> "sio4j: cannot add a context listener to close the server: " + e);
    }
  }
}
