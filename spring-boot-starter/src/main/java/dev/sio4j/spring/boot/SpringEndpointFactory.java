package dev.sio4j.spring.boot;

import dev.sio4j.annotation.binding.EndpointInstanceFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Endpoint instances from the application context: the bean of the class when there is one (with its scope proxy,
 * AOP advice and injected dependencies, so handlers are invoked on the proxy), else an instance that Spring creates
 * and autowires (constructor injection) without registering it. Called once per endpoint class, at the first
 * connection to its namespace, on a container or sio4j thread. Thread safe.
 */
final class SpringEndpointFactory implements EndpointInstanceFactory {

  private final ConfigurableListableBeanFactory beans;

  SpringEndpointFactory(ConfigurableListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public Object create(Class<?> endpointClass) {
    return create(beans, endpointClass);
  }

  private static <T> T create(ConfigurableListableBeanFactory beans, Class<T> type) {
    return beans.getBeanProvider(type)
        .getIfUnique(() -> type.cast(beans.autowire(type, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false)));
  }

  @Override
  public String toString() {
    return "Spring application context";
  }
}
