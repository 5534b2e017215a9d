package dev.sio4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose annotated methods handle the sockets of one namespace. Register it with
 * {@link dev.sio4j.annotation.binding.AnnotatedEndpoints#register}; the servlet module registers every class carrying
 * this annotation.
 *
 * <pre>{@code
 * @SocketIoEndpoint("/chat")
 * public class ChatEndpoint {
 *   @OnEvent("message")
 *   public Receipt message(Socket socket, ChatMessage msg) { ... } // the return value answers the ack
 * }
 *
 * @SocketIoEndpoint(regex = "/tenant-\\d+")      // a dynamic namespace: every matching name
 * public class TenantEndpoint { ... }
 * }</pre>
 *
 * <p>Not a CDI bean-defining annotation: add a scope (e.g. {@code @ApplicationScoped}) to make the class a bean.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SocketIoEndpoint {

  /** The namespace name, {@code "/"} (the main namespace) by default; a missing leading {@code /} is added. */
  String value() default "/";

  /**
   * A regular expression (whole-name match, {@link java.util.regex.Pattern} syntax, leading {@code /} included):
   * the class then serves every namespace whose name matches (a dynamic namespace). Empty (the default) means
   * {@link #value()} is used; setting both is an error.
   */
  String regex() default "";
}
