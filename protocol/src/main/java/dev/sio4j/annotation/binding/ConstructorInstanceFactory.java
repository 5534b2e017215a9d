package dev.sio4j.annotation.binding;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** Creates endpoints with their no-argument constructor. Stateless, thread safe. */
final class ConstructorInstanceFactory implements EndpointInstanceFactory {

  static final ConstructorInstanceFactory INSTANCE = new ConstructorInstanceFactory();

  private ConstructorInstanceFactory() {}

  @Override
  public Object create(Class<?> endpointClass) {
    try {
      Constructor<?> c = endpointClass.getDeclaredConstructor();
      c.setAccessible(true);
      return c.newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(endpointClass.getName() + " has no no-argument constructor", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("constructor of " + endpointClass.getName() + " threw " + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot instantiate " + endpointClass.getName() + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    return "constructors";
  }
}
