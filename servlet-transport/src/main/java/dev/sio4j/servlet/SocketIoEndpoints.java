package dev.sio4j.servlet;

import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.annotation.binding.AnnotatedEndpoints;
import dev.sio4j.annotation.binding.EndpointDefinitionException;
import dev.sio4j.annotation.binding.EndpointInstanceFactory;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers {@link SocketIoEndpoint} classes on a servlet context's {@link SocketIoServer} (the one of {@link
 * SocketIoRegistration#getOrCreate}).
 *
 * <p>Three sources, all deduplicated (a class is registered once per context):
 *
 * <ol>
 *   <li><b>Scanning</b>: {@link SocketIoServletContainerInitializer} declares {@code @HandlesTypes(SocketIoEndpoint.class)},
 *       so the container hands it every annotated class of the web application ({@code WEB-INF/classes} and
 *       {@code WEB-INF/lib}); it registers them at deployment. The context-param {@code sio4j.endpoints.scan=false}
 *       turns this off. The scanned classes are kept in the attribute {@link #DISCOVERED_ATTRIBUTE} in any case
 *       (also with {@code sio4j.enabled=false}).
 *   <li><b>Init-param</b> {@code sio4j.endpoints}: a comma-separated list of class names, loaded with the context's
 *       class loader, for containers that do not scan (an embedded context that adds the initializer itself).
 *   <li><b>Programmatic</b>: {@link #register(ServletContext, Class[])}, e.g. from a {@code ServletContextListener}
 *       (which runs after the initializer), or with {@code sio4j.enabled=false} after your own
 *       {@link SocketIoRegistration#register(ServletContext, SocketIoServer)}.
 * </ol>
 *
 * <p>Instances are created lazily, at the first connection to a class's namespace, by the {@link
 * EndpointInstanceFactory} in the context attribute {@link #INSTANCE_FACTORY_ATTRIBUTE} if the application set one
 * (read at that moment, so a listener may set it after deployment started), else by {@link
 * EndpointInstanceFactory#cdi()}: CDI when the application has a CDI container (Weld servlet, or the application
 * server's), else the no-argument constructor. CDI is never touched during deployment: the initializer may run before
 * the CDI container starts.
 *
 * <p>A class that is not a valid endpoint fails the deployment with an {@link EndpointDefinitionException} naming the
 * class and method. Thread safe.
 */
public final class SocketIoEndpoints {

  /**
   * Servlet-context attribute: an {@link EndpointInstanceFactory} that creates endpoint instances instead of the
   * default (CDI, else constructors).
   */
  public static final String INSTANCE_FACTORY_ATTRIBUTE = "dev.sio4j.annotation.binding.EndpointInstanceFactory";

  /** Servlet-context attribute: the {@code Set<Class<?>>} of {@code @SocketIoEndpoint} classes the container found. */
  public static final String DISCOVERED_ATTRIBUTE = "dev.sio4j.servlet.discoveredEndpoints";

  /** Servlet-context attribute: the set of classes already registered (deduplication). */
  static final String REGISTERED_ATTRIBUTE = "dev.sio4j.servlet.registeredEndpoints";

  private static final System.Logger LOG = System.getLogger("dev.sio4j.servlet");
  private static final Object LOCK = new Object();

  private SocketIoEndpoints() {}

  /**
   * Registers endpoint classes on the context's server (created with {@link SocketIoRegistration#getOrCreate} if
   * needed); classes already registered in this context are skipped. Every class is checked before any is registered.
   *
   * @throws EndpointDefinitionException when a class is not a valid endpoint (all problems in one message)
   */
  public static void register(ServletContext context, Class<?>... endpointClasses) {
    register(context, Arrays.asList(endpointClasses));
  }

  /** As {@link #register(ServletContext, Class[])}. */
  public static void register(ServletContext context, Collection<Class<?>> endpointClasses) {
    validate(endpointClasses);
    SocketIoServer io = SocketIoRegistration.getOrCreate(context);
    EndpointInstanceFactory factory = new ContextInstanceFactory(context);
    synchronized (LOCK) {
      Set<Class<?>> registered = registered(context);
      for (Class<?> type : endpointClasses) {
        if (registered.add(type)) {
          AnnotatedEndpoints.register(io, type, factory);
          LOG.log(Level.INFO, () -> "sio4j: endpoint " + type.getName() + " registered in the context "
            + SocketIoRegistration.contextName(context));
        }
      }
    }
  }

  /**
   * Keeps the classes the container found for {@code @HandlesTypes} (narrowed to endpoints) under {@link
   * #DISCOVERED_ATTRIBUTE}, also when automatic registration is off, so a programmatic setup can register them.
   */
  static List<Class<?>> discovered(ServletContext context, Set<Class<?>> scanned) {
    List<Class<?>> found = endpointClasses(scanned);
    context.setAttribute(DISCOVERED_ATTRIBUTE, Set.copyOf(found));
    return found;
  }

  /** The classes kept under {@link #DISCOVERED_ATTRIBUTE}, empty when the initializer did not run. */
  @SuppressWarnings("unchecked")
  static List<Class<?>> discovered(ServletContext context) {
    return context.getAttribute(DISCOVERED_ATTRIBUTE) instanceof Set<?> set
        ? endpointClasses((Set<Class<?>>) set) : List.of();
  }

  /**
   * What the initializer and {@link SocketIoRegistrationListener} register: the {@code discovered} classes (unless
   * {@code sio4j.endpoints.scan=false}) and those named by {@code sio4j.endpoints}.
   */
  static void registerConfigured(ServletContext context, List<Class<?>> discovered, InitParams params) {
    Set<Class<?>> all = new LinkedHashSet<>();
    if (params.scanEndpoints()) {
      all.addAll(discovered);
    } else if (!discovered.isEmpty()) {
      LOG.log(Level.INFO, () -> "sio4j: " + discovered.size() + " scanned endpoint class(es) ignored"
          + " (sio4j.endpoints.scan=false)");
    }
    all.addAll(load(params.endpoints(), loader(context)));
    if (!all.isEmpty()) {
      register(context, all);
    }
  }

  /**
   * The classes a container passed for {@code @HandlesTypes}, narrowed to those carrying the annotation (a container
   * may add more) and sorted by name, so registration order does not depend on the scan order.
   */
  static List<Class<?>> endpointClasses(Set<Class<?>> scanned) {
    if (scanned == null) {
      return List.of();
    }
    return scanned.stream()
        .filter(c -> c.isAnnotationPresent(SocketIoEndpoint.class) && !c.isInterface() && !c.isAnnotation())
        .sorted(Comparator.comparing(Class::getName))
        .toList();
  }

  /** Loads the classes named by {@code sio4j.endpoints}. */
  static List<Class<?>> load(List<String> names, ClassLoader loader) {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      try {
        classes.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalArgumentException("init-param " + InitParams.PREFIX + "endpoints: cannot load class '" + name
            + "': " + e, e);
      }
    }
    return classes;
  }

  /**
   * The web application's class loader; an embedded context may have none of its own (Jetty's
   * {@code ServletContextHandler} answers {@code null}): then the thread's, then ours.
   */
  static ClassLoader loader(ServletContext context) {
    ClassLoader loader = context.getClassLoader();
    if (loader == null) {
      loader = Thread.currentThread().getContextClassLoader();
    }
    return loader != null ? loader : SocketIoEndpoints.class.getClassLoader();
  }

  /** Checks every class; reports all invalid ones at once. */
  static void validate(Collection<Class<?>> classes) {
    AnnotatedEndpoints.validate(classes);
  }

  @SuppressWarnings("unchecked")
  private static Set<Class<?>> registered(ServletContext context) {
    Object existing = context.getAttribute(REGISTERED_ATTRIBUTE);
    if (existing instanceof Set<?> set) {
      return (Set<Class<?>>) set;
    }
    Set<Class<?>> set = ConcurrentHashMap.newKeySet();
    context.setAttribute(REGISTERED_ATTRIBUTE, set);
    return set;
  }
}
