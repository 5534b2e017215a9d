package dev.sio4j.annotation.binding;

import static dev.sio4j.annotation.binding.TestServers.connect;
import static dev.sio4j.annotation.binding.TestServers.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.sio4j.annotation.OnError;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.Ack;
import dev.sio4j.socket.FakeEngineSocket;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoServer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Answers to the client's acknowledgement requests: return values, stages, explicit Ack, errors. */
class AcknowledgementTest {

  public record Sum(int total, String who) {}

  @SocketIoEndpoint
  public static class Endpoint {
    final CompletableFuture<String> later = new CompletableFuture<>();
    final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();

    @OnEvent("sum")
    public Sum sum(List<Integer> numbers, Socket socket) {
      return new Sum(numbers.stream().mapToInt(Integer::intValue).sum(), "me");
    }

    @OnEvent("later")
    public CompletionStage<String> later() {
      return later;
    }

    @OnEvent("explicit")
    public void explicit(String text, Ack ack) {
      if (ack != null) {
        ack.send(text, text.length());
      }
    }

    @OnEvent("list")
    public List<String> list() {
      return List.of("a", "b");
    }

    @OnEvent("fails")
    public String fails() {
      throw new IllegalStateException("secret detail");
    }

    @OnEvent("voidMethod")
    public void voidMethod() {}

    @OnError
    public void error(Throwable error) {
      errors.add(error);
    }

    Throwable nextError() throws InterruptedException {
      Throwable t = errors.poll(10, TimeUnit.SECONDS);
      if (t == null) {
        throw new AssertionError("no error reported");
      }
      return t;
    }
  }

  private final SocketIoServer io = server();
  private final Endpoint endpoint = new Endpoint();
  private final FakeEngineSocket conn;

  AcknowledgementTest() {
    AnnotatedEndpoints.register(io, endpoint);
    conn = connect(io, "/");
  }

  @Test
  void theReturnValueIsTheAck() {
    conn.receive("21[\"sum\",[1,2,3]]");
    assertEquals("31[{\"total\":6,\"who\":\"me\"}]", conn.nextText());
  }

  @Test
  void aCollectionIsOneAckArgument() {
    conn.receive("22[\"list\"]");
    assertEquals("32[[\"a\",\"b\"]]", conn.nextText());
  }

  @Test
  void noAckIsSentWhenNoneWasRequested() {
    conn.receive("2[\"sum\",[1]]");
    conn.receive("2[\"explicit\",\"x\"]");
    conn.receive("23[\"voidMethod\"]");
    conn.assertExhausted();
  }

  @Test
  void aCompletionStageAnswersWhenItCompletes() {
    conn.receive("27[\"later\"]");
    conn.assertExhausted();
    endpoint.later.complete("done");
    assertEquals("37[\"done\"]", conn.nextText());
  }

  @Test
  void aFailedStageAnswersAnError() throws Exception {
    conn.receive("27[\"later\"]");
    endpoint.later.completeExceptionally(new IllegalStateException("boom"));
    assertEquals("37[{\"error\":\"internal server error\"}]", conn.nextText());
    assertEquals("boom", endpoint.nextError().getMessage());
  }

  @Test
  void anExplicitAckParameterAnswers() {
    conn.receive("24[\"explicit\",\"hello\"]");
    assertEquals("34[\"hello\",5]", conn.nextText());
  }

  @Test
  void aConversionFailureIsAnsweredToTheAck() throws Exception {
    conn.receive("25[\"sum\",{\"not\":\"a list\"}]");
    assertEquals("35[{\"error\":\"invalid argument 1 of event \\\"sum\\\": expected List\"}]", conn.nextText());
    EventArgumentException e = assertInstanceOf(EventArgumentException.class, endpoint.nextError());
    assertEquals("sum", e.event());
    assertEquals(1, e.position());
  }

  @Test
  void aNullForAPrimitiveIsAConversionFailure() {
    SocketIoServer other = server();
    AnnotatedEndpoints.register(other, new Primitive());
    FakeEngineSocket c = connect(other, "/");
    c.receive("26[\"inc\"]");
    assertEquals("36[{\"error\":\"invalid argument 1 of event \\\"inc\\\": expected int\"}]", c.nextText());
    c.receive("26[\"inc\",\"x\"]");
    assertEquals("36[{\"error\":\"invalid argument 1 of event \\\"inc\\\": expected int\"}]", c.nextText());
    c.receive("26[\"inc\",41]");
    assertEquals("36[42]", c.nextText());
  }

  @Test
  void aThrowingHandlerAnswersAGenericErrorAndReportsTheException() throws Exception {
    conn.receive("28[\"fails\"]");
    assertEquals("38[{\"error\":\"internal server error\"}]", conn.nextText());
    assertEquals("secret detail", endpoint.nextError().getMessage());
  }

  @SocketIoEndpoint
  public static class Primitive {
    @OnEvent("inc")
    public int inc(int n) {
      return n + 1;
    }
  }
}
