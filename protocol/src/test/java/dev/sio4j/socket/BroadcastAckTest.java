package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.await;
import static dev.sio4j.socket.Fixture.awaitFailure;
import static dev.sio4j.socket.Fixture.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastAckTest {

  private static final Duration LONG = Duration.ofSeconds(30);

  private SocketIoServer io;
  private final Map<String, Socket> byName = new ConcurrentHashMap<>();
  private FakeEngineSocket a;
  private FakeEngineSocket b;

  @BeforeEach
  void setUp() {
    io = Fixture.server();
    io.onConnection(s -> {
      String name = (String) s.handshake().auth().get("name");
      byName.put(name, s);
      s.join("room-" + name);
    });
    a = Fixture.connectAs(io, "a");
    b = Fixture.connectAs(io, "b");
  }

  @Test
  void collectsOneResponsePerClient() {
    CompletionStage<List<Object>> responses = io.timeout(LONG).emitWithAck("poll", 1);
    Object sentToA = a.next().first();
    assertEquals("20[\"poll\",1]", sentToA);
    assertSame(sentToA, b.next().first(), "encoded once");
    b.receive("30[\"from b\",\"ignored second argument\"]");
    a.receive("30[{\"x\":1}]");
    assertEquals(List.of("from b", Map.of("x", 1)), await(responses));
  }

  @Test
  void callbackFormGetsNullErrorAndResponses() {
    CompletableFuture<Object[]> result = new CompletableFuture<>();
    io.timeout(LONG).emit("poll", (AckCallback) (err, responses) -> result.complete(new Object[] {err, responses}));
    a.nextText();
    b.nextText();
    a.receive("30[]");
    b.receive("30[2]");
    Object[] got = await(result);
    assertNull(got[0]);
    assertEquals(java.util.Arrays.asList(null, 2), got[1]);
  }

  @Test
  void timeoutFailsWithThePartialResponses() {
    CompletionStage<List<Object>> responses = io.timeout(ms(50)).emitWithAck("poll");
    a.nextText();
    b.nextText();
    a.receive("30[\"only a\"]");
    AckException e = (AckException) awaitFailure(responses);
    assertEquals(AckException.Kind.TIMEOUT, e.kind());
    assertEquals("operation has timed out", e.getMessage());
    assertEquals(List.of("only a"), e.responses());
    b.receive("30[\"too late\"]"); // ignored
  }

  @Test
  void callbackFormGetsTheErrorAndPartialResponsesOnTimeout() {
    CompletableFuture<Object[]> result = new CompletableFuture<>();
    io.timeout(ms(50)).emit("poll", (AckCallback) (err, responses) -> result.complete(new Object[] {err, responses}));
    b.nextText();
    b.receive("30[\"b\"]");
    Object[] got = await(result);
    assertEquals(AckException.Kind.TIMEOUT, ((AckException) got[0]).kind());
    assertEquals(List.of("b"), got[1]);
  }

  @Test
  void onlyTheSelectedClientsAreAsked() {
    CompletionStage<List<Object>> responses = io.to("room-a").timeout(LONG).emitWithAck("q");
    assertEquals("20[\"q\"]", a.nextText());
    b.assertExhausted();
    a.receive("30[\"a\"]");
    assertEquals(List.of("a"), await(responses));

    CompletionStage<List<Object>> fromOthers = byName.get("a").broadcast().timeout(LONG).emitWithAck("q2");
    assertEquals("21[\"q2\"]", b.nextText());
    a.assertExhausted();
    b.receive("31[\"b\"]");
    assertEquals(List.of("b"), await(fromOthers));
  }

  @Test
  void noRecipientCompletesAtOnceWithNoResponses() {
    assertEquals(List.of(), await(io.to("nobody").timeout(LONG).emitWithAck("q")));
  }

  @Test
  void aClientThatDisconnectsLeavesTheBroadcastToTimeOut() {
    CompletionStage<List<Object>> responses = io.timeout(ms(100)).emitWithAck("q");
    a.nextText();
    b.nextText();
    b.receive("30[\"b\"]");
    a.receive("1");
    AckException e = (AckException) awaitFailure(responses);
    assertEquals(List.of("b"), e.responses());
  }

  @Test
  void aTimeoutIsRequired() {
    assertThrows(IllegalStateException.class, () -> io.to("room-a").emitWithAck("q"));
    assertThrows(IllegalStateException.class, () -> io.emit("q", (AckCallback) (err, r) -> {}));
    a.assertExhausted();
  }

  @Test
  void binaryArgumentsAreSentAsAttachments() {
    CompletionStage<List<Object>> responses = io.to("room-b").timeout(LONG).emitWithAck("bin", (Object) new byte[] {7});
    FakeEngineSocket.Sent sent = b.next();
    assertEquals("51-0[\"bin\",{\"_placeholder\":true,\"num\":0}]", sent.first());
    b.receive("30[\"ok\"]");
    assertEquals(List.of("ok"), await(responses));
  }

  @Test
  void worksOnDynamicNamespaces() {
    Namespace parent = io.of(java.util.regex.Pattern.compile("/dyn-\\d+"));
    FakeEngineSocket c = Fixture.open(io);
    c.receive("0/dyn-1,");
    Fixture.sidOf(c.nextText());
    FakeEngineSocket d = Fixture.open(io);
    d.receive("0/dyn-2,");
    Fixture.sidOf(d.nextText());
    CompletionStage<List<Object>> responses = parent.timeout(LONG).emitWithAck("q");
    String toC = c.nextText();
    String toD = d.nextText();
    c.receive(toC.replace("2/dyn-1,", "3/dyn-1,").replace("[\"q\"]", "[1]"));
    d.receive(toD.replace("2/dyn-2,", "3/dyn-2,").replace("[\"q\"]", "[2]"));
    assertEquals(Set.of(1, 2), Set.copyOf(await(responses)));
  }

  @Test
  void localAcksAndBroadcastAcksShareTheIdCounter() {
    AtomicInteger got = new AtomicInteger();
    byName.get("a").emit("own", (AckCallback) (err, args) -> got.incrementAndGet());
    assertEquals("20[\"own\"]", a.nextText());
    CompletionStage<List<Object>> responses = io.to("room-a").timeout(LONG).emitWithAck("q");
    assertEquals("21[\"q\"]", a.nextText());
    a.receive("31[\"broadcast\"]");
    assertEquals(List.of("broadcast"), await(responses));
    assertEquals(0, got.get());
  }
}
