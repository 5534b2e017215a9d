package dev.sio4j.boot.it.app;

import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Spring AOP around the endpoint bean: wraps {@link ChatEndpoint} in a class-based proxy that counts handler calls,
 * as {@code @Transactional} or any aspect would. The endpoint answers {@code audit} with the count, which is only
 * right when sio4j invokes its handlers on the proxy rather than on the bare instance.
 */
@Component
public class HandlerAudit implements BeanPostProcessor {

  private final AtomicInteger calls = new AtomicInteger();

  public int calls() {
    return calls.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof ChatEndpoint)) {
      return bean;
    }
    ProxyFactory proxy = new ProxyFactory(bean);
    proxy.setProxyTargetClass(true);
    proxy.addAdvice((MethodInterceptor) invocation -> {
      calls.incrementAndGet();
      return invocation.proceed();
    });
    return proxy.getProxy(bean.getClass().getClassLoader());
  }
}
