package dev.sio4j.spring.boot;

import dev.sio4j.annotation.SocketIoEndpoint;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Makes {@code @SocketIoEndpoint} classes beans without {@code @Component}: scans the application's packages (those of
 * {@code @SpringBootApplication}, i.e. {@link AutoConfigurationPackages}), as Boot does for entities, and registers
 * each class found as a singleton bean, so constructor injection, scopes and AOP apply. A class that is already a bean
 * (also annotated {@code @Component}, or declared with {@code @Bean} under the same name) is left as it is.
 * {@code sio4j.endpoints.scan=false} turns scanning off. Runs once, while the context's bean definitions are loaded.
 */
final class SocketIoEndpointScanner implements BeanDefinitionRegistryPostProcessor, EnvironmentAware,
    ResourceLoaderAware {

  private final BeanFactory beanFactory;
  private Environment environment;
  private ResourceLoader resourceLoader;

  SocketIoEndpointScanner(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void setResourceLoader(ResourceLoader resourceLoader) {
    this.resourceLoader = resourceLoader;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    if (!environment.getProperty("sio4j.endpoints.scan", Boolean.class, true)
        || !AutoConfigurationPackages.has(beanFactory)) {
      return;
    }
    List<String> packages = AutoConfigurationPackages.get(beanFactory);
    ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(registry, false, environment);
    scanner.setIncludeAnnotationConfig(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(SocketIoEndpoint.class));
    if (resourceLoader != null) {
      scanner.setResourceLoader(resourceLoader);
    }
    scanner.scan(packages.toArray(String[]::new));
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
  }
}
