package dev.sio4j.annotation.binding;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.annotation.Auth;
import dev.sio4j.annotation.EventName;
import dev.sio4j.annotation.OnAnyEvent;
import dev.sio4j.annotation.OnConnect;
import dev.sio4j.annotation.OnConnectGuard;
import dev.sio4j.annotation.OnDisconnect;
import dev.sio4j.annotation.OnError;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.Ack;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Misconfigured classes fail at registration with a message naming the class and the method. */
class EndpointDefinitionTest {

  private static void assertRejected(Class<?> type, String... fragments) {
    EndpointDefinitionException e = assertThrows(EndpointDefinitionException.class,
        () -> AnnotatedEndpoints.register(TestServers.server(), type));
    assertTrue(e.getMessage().contains(type.getName()), e.getMessage());
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), "\"" + fragment + "\" not in: " + e.getMessage());
    }
  }

  public static class NotAnnotated {}

  @SocketIoEndpoint
  public static class DuplicateEvent {
    @OnEvent("a")
    public void one() {}

    @OnEvent("a")
    public void two() {}
  }

  @SocketIoEndpoint
  public static class ReservedEvent {
    @OnEvent("disconnect")
    public void bye() {}
  }

  @SocketIoEndpoint
  public static class Unbindable {
    @OnEvent("a")
    public void run(Runnable r) {}
  }

  @SocketIoEndpoint
  public static class Generic<T> {
    @OnEvent("a")
    public void take(List<T> items) {}
  }

  @SocketIoEndpoint(regex = "/(unclosed")
  public static class BadRegex {}

  @SocketIoEndpoint(value = "/x", regex = "/y")
  public static class NameAndRegex {}

  @SocketIoEndpoint
  public static class GuardReturnsString {
    @OnConnectGuard
    public String guard() {
      return "yes";
    }
  }

  @SocketIoEndpoint
  public static class AckAndReturn {
    @OnEvent("a")
    public String a(Ack ack) {
      return "twice";
    }
  }

  @SocketIoEndpoint
  public static class AckInAny {
    @OnAnyEvent
    public void any(@EventName String name, Ack ack) {}
  }

  @SocketIoEndpoint
  public static class PayloadInConnect {
    @OnConnect
    public void connect(String what) {}
  }

  @SocketIoEndpoint
  public static class TwoConnects {
    @OnConnect
    public void one() {}

    @OnConnect
    public void two() {}
  }

  @SocketIoEndpoint
  public static class ErrorWithoutThrowable {
    @OnError
    public void error(String what) {}
  }

  @SocketIoEndpoint
  public static class DisconnectReturnsValue {
    @OnDisconnect
    public int bye() {
      return 1;
    }
  }

  @SocketIoEndpoint
  public static class EventNameNotString {
    @OnEvent("a")
    public void a(@EventName int name) {}
  }

  @SocketIoEndpoint
  public static class TwoAnnotations {
    @OnConnect
    @OnDisconnect
    public void both() {}
  }

  @SocketIoEndpoint
  public static class StaticHandler {
    @OnEvent("a")
    public static void a() {}
  }

  @SocketIoEndpoint
  public abstract static class Abstract {}

  @SocketIoEndpoint
  public static class AbstractAuth {
    @OnConnect
    public void connect(@Auth Number n, @Auth CharSequence text) {}
  }

  @Test
  void rejectsAClassWithoutTheAnnotation() {
    assertRejected(NotAnnotated.class, "is not annotated @SocketIoEndpoint");
  }

  @Test
  void rejectsDuplicateEventNames() {
    assertRejected(DuplicateEvent.class, "duplicate @OnEvent(\"a\")", ".one()", ".two()");
  }

  @Test
  void rejectsReservedEventNames() {
    assertRejected(ReservedEvent.class, "\"disconnect\" is not a valid event name", ".bye()");
  }

  @Test
  void rejectsUnbindableParameterTypes() {
    assertRejected(Unbindable.class, "parameter 1 (java.lang.Runnable)", ".run(Runnable)", "abstract");
    assertRejected(Generic.class, ".take(List)", "type variable T");
    assertRejected(AbstractAuth.class, "java.lang.CharSequence");
  }

  @Test
  void rejectsBadNamespaces() {
    assertRejected(BadRegex.class, "invalid namespace regex \"/(unclosed\"");
    assertRejected(NameAndRegex.class, "both a name and a regex");
    assertRejected(Abstract.class, "must be a concrete class");
  }

  @Test
  void rejectsWrongReturnTypes() {
    assertRejected(GuardReturnsString.class, ".guard()", "must return boolean, void or CompletionStage<Boolean>",
        "not java.lang.String");
    assertRejected(AckAndReturn.class, ".a(Ack)", "must return void");
    assertRejected(DisconnectReturnsValue.class, ".bye()", "@OnDisconnect method must return void, not int");
  }

  @Test
  void rejectsParametersThatDoNotFitTheMethodKind() {
    assertRejected(AckInAny.class, ".any(String, Ack)", "an Ack parameter is only allowed in @OnEvent methods");
    assertRejected(PayloadInConnect.class, ".connect(String)", "cannot be bound in an @OnConnect method");
    assertRejected(ErrorWithoutThrowable.class, ".error(String)");
    assertRejected(EventNameNotString.class, ".a(int)", "@EventName needs a String");
  }

  @Test
  void rejectsAmbiguousMethods() {
    assertRejected(TwoConnects.class, "more than one @OnConnect method");
    assertRejected(TwoAnnotations.class, ".both()", "both @OnConnect and @OnDisconnect");
    assertRejected(StaticHandler.class, ".a()", "must not be static");
  }
}
