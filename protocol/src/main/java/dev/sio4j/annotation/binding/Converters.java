package dev.sio4j.annotation.binding;

import dev.sio4j.socket.parser.JsonBinding;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Builds the {@link ValueConverter} of a declared parameter type, once, at registration.
 *
 * <p>The conversion path, cheapest first:
 * <ol>
 *   <li>the tree node already is the wanted value ({@code Object}, {@code String}, {@code Boolean}, {@code Integer},
 *       {@code byte[]}, {@code Map<String,Object>}, {@code List<Object>}...): passed as is, no copy;
 *   <li>a number of another numeric type where no precision is lost (int to long/double...): unboxed and re-boxed;
 *   <li>{@code JsonValue} and its subtypes: the tree is turned into JSON-P;
 *   <li>anything else (records, POJOs, {@code List<Record>}, {@code Map<K,V>}, enums...): the server's
 *       {@link JsonBinding} ({@code fromTree}), JSON-B by default.
 * </ol>
 * Stateless, thread safe.
 */
final class Converters {

  private static final Set<Class<?>> COLLECTION_INTERFACES = Set.of(Iterable.class, Collection.class, List.class,
      Set.class, SortedSet.class, NavigableSet.class, Queue.class, Deque.class, Map.class, SortedMap.class,
      NavigableMap.class);

  private Converters() {}

  /** Why {@code type} cannot be bound from JSON, or {@code null} when it can. */
  static String problem(Type type) {
    if (type instanceof Class<?> c) {
      if (c == void.class || c == Void.class) {
        return "void is not a value";
      }
      if (c.isPrimitive() || c == Object.class) {
        return null;
      }
      if (c.isArray()) {
        return problem(c.getComponentType());
      }
      if ((c.isInterface() || Modifier.isAbstract(c.getModifiers())) && !JsonValue.class.isAssignableFrom(c)
          && !COLLECTION_INTERFACES.contains(c) && c != Number.class
          && !c.isAnnotationPresent(JsonbTypeInfo.class) && !c.isAnnotationPresent(JsonbTypeDeserializer.class)) {
        return c.getName() + " is abstract (JSON-B cannot create it without @JsonbTypeInfo or a deserializer)";
      }
      return null;
    } else if (type instanceof ParameterizedType p) {
      String raw = problem(p.getRawType());
      if (raw != null) {
        return raw;
      }
      for (Type arg : p.getActualTypeArguments()) {
        String inner = problem(arg);
        if (inner != null) {
          return inner;
        }
      }
      return null;
    } else if (type instanceof WildcardType w) {
      return w.getUpperBounds().length == 0 ? null : problem(w.getUpperBounds()[0]);
    } else if (type instanceof GenericArrayType g) {
      return problem(g.getGenericComponentType());
    } else if (type instanceof TypeVariable<?> v) {
      return "type variable " + v.getName() + " has no concrete type";
    }
    return "unsupported type " + type;
  }

  /** The converter for {@code type}; call {@link #problem} first. */
  static ValueConverter forType(Type type, JsonBinding binding) {
    Class<?> raw = rawClass(type);
    if (raw == Object.class) {
      return v -> v;
    }
    if (raw.isPrimitive()) {
      ValueConverter boxed = forType(box(raw), binding);
      String name = raw.getName();
      return v -> {
        if (v == null) {
          throw new IllegalArgumentException("null for " + name);
        }
        return boxed.convert(v);
      };
    }
    if (JsonValue.class.isAssignableFrom(raw)) {
      return v -> JsonBinding.jsonb().fromTree(v, raw); // JSON-P types are JSON-P's, whatever the binding
    }
    ValueConverter fast = fastPath(type, raw);
    ValueConverter general = v -> binding.fromTree(v, type);
    boolean optional = raw == Optional.class;
    return v -> {
      if (v == null) {
        return optional ? Optional.empty() : null;
      }
      Object direct = fast == null ? null : fast.convert(v);
      return direct != null ? direct : general.convert(v);
    };
  }

  /** A converter that returns the value when no real conversion is needed, or {@code null} to go through JSON-B. */
  private static ValueConverter fastPath(Type type, Class<?> raw) {
    if (raw == String.class) {
      return v -> v instanceof String ? v : null;
    } else if (raw == Boolean.class) {
      return v -> v instanceof Boolean ? v : null;
    } else if (raw == Integer.class) {
      return v -> v instanceof Integer ? v : null;
    } else if (raw == Long.class) {
      return v -> v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : null;
    } else if (raw == Double.class) {
      return v -> v instanceof Integer || v instanceof Double ? ((Number) v).doubleValue() : null;
    } else if (raw == BigDecimal.class) {
      return v -> v instanceof BigDecimal ? v
          : v instanceof Integer || v instanceof Long ? BigDecimal.valueOf(((Number) v).longValue()) : null;
    } else if (raw == byte[].class) {
      return v -> v instanceof byte[] ? v : null;
    } else if ((raw == Map.class || raw == LinkedHashMap.class) && plainArgs(type)) {
      return v -> v instanceof LinkedHashMap ? v : null; // decoder maps: String keys, plain values
    } else if ((raw == List.class || raw == Collection.class || raw == Iterable.class || raw == ArrayList.class)
        && plainArgs(type)) {
      return v -> v instanceof ArrayList ? v : null;
    }
    return null;
  }

  /**
   * Whether the type arguments accept any tree value: the last one (the element or map value) is {@code Object} or an
   * unbounded wildcard; a map key may also be {@code String} (decoded keys are strings).
   */
  private static boolean plainArgs(Type type) {
    if (!(type instanceof ParameterizedType p)) {
      return true;
    }
    Type[] args = p.getActualTypeArguments();
    for (int i = 0; i < args.length; i++) {
      boolean key = i < args.length - 1;
      if (!(anything(args[i]) || key && args[i] == String.class)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anything(Type t) {
    return t == Object.class || t instanceof WildcardType w && w.getLowerBounds().length == 0
        && (w.getUpperBounds().length == 0 || w.getUpperBounds()[0] == Object.class);
  }

  static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    } else if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    } else if (type instanceof GenericArrayType g) {
      return java.lang.reflect.Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
    } else if (type instanceof WildcardType w && w.getUpperBounds().length > 0) {
      return rawClass(w.getUpperBounds()[0]);
    }
    return Object.class;
  }

  private static Class<?> box(Class<?> primitive) {
    return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
  }
}
