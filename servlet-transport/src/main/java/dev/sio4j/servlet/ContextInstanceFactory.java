package dev.sio4j.servlet;

import dev.sio4j.annotation.binding.EndpointInstanceFactory;
import jakarta.servlet.ServletContext;

/**
 * The factory of endpoints registered through a servlet context: the application's factory from the attribute
 * {@link SocketIoEndpoints#INSTANCE_FACTORY_ATTRIBUTE} when set, else {@link EndpointInstanceFactory#cdi()}. Both are
 * looked up at creation time (first connection), never at deployment. Thread safe.
 */
final class ContextInstanceFactory implements EndpointInstanceFactory {

  private static final EndpointInstanceFactory DEFAULT = EndpointInstanceFactory.cdi();

  private final ServletContext context;
  private final ClassLoader loader;

  ContextInstanceFactory(ServletContext context) {
    this.context = context;
    this.loader = SocketIoEndpoints.loader(context);
  }

  @Override
  public Object create(Class<?> endpointClass) {
    EndpointInstanceFactory factory = context.getAttribute(SocketIoEndpoints.INSTANCE_FACTORY_ATTRIBUTE)
        instanceof EndpointInstanceFactory f ? f : DEFAULT;
    // The first connection may arrive on a container or timer thread whose context class loader is not the web
    // application's; CDI providers and JSON-B look services up through it.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return factory.create(endpointClass);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public String toString() {
    return "servlet context (" + SocketIoEndpoints.INSTANCE_FACTORY_ATTRIBUTE + ", else "
        + DEFAULT + ")";
  }
}
