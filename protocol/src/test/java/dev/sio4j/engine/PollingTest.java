package dev.sio4j.engine;

import static dev.sio4j.engine.EngineFixture.get;
import static dev.sio4j.engine.EngineFixture.post;
import static dev.sio4j.engine.EngineFixture.postOk;
import static dev.sio4j.engine.EngineFixture.quietOptions;
import static dev.sio4j.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineFixture.Connections;
import dev.sio4j.engine.EngineFixture.RecordingListener;
import dev.sio4j.engine.EngineFixture.RecordingPollingExchange;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PollingTest {

  private EngineServer server;
  private Connections connections;
  private EngineSocket socket;
  private RecordingListener listener;
  private String sid;

  @BeforeEach
  void handshake() {
    open(quietOptions().build());
  }

  private void open(EngineOptions options) {
    if (server != null) {
      server.close();
    }
    server = new EngineServer(options);
    connections = new Connections(server);
    sid = EngineFixture.pollingHandshake(server);
    socket = connections.next();
    listener = connections.listener(socket);
  }

  @AfterEach
  void closeServer() {
    server.close();
  }

  private RecordingPollingExchange poll() {
    return EngineFixture.poll(server, sid);
  }

  @Test
  void postDeliversMessagesInOrderAndAnswersOk() {
    RecordingPollingExchange ex = post("EIO=4&transport=polling&sid=" + sid, "4hello\u001e4€\u001ebAQIDBA==");
    server.handlePolling(ex);
    assertEquals(200, ex.response().status());
    assertEquals("text/html", ex.response().headers().get("Content-Type"));
    assertEquals("ok", ex.bodyText());
    assertEquals("message:hello", listener.next());
    assertEquals("message:€", listener.next());
    assertEquals("binary:1,2,3,4", listener.next());
  }

  @Test
  void aPendingPollIsAnsweredWhenPacketsAreQueued() {
    RecordingPollingExchange ex = poll();
    assertFalse(ex.answered());
    socket.sendAll("hello", new byte[] {1, 2, 3, 4}, "€");
    assertEquals("4hello\u001ebAQIDBA==\u001e4€", ex.bodyText());
    assertEquals("text/plain; charset=UTF-8", ex.response().headers().get("Content-Type"));
    assertEquals("nosniff", ex.response().headers().get("X-Content-Type-Options"));
  }

  @Test
  void packetsQueuedBetweenPollsWaitForTheNextPoll() {
    socket.send("a");
    socket.send("b");
    assertEquals("4a\u001e4b", poll().bodyText());
  }

  @Test
  void sendCallbackRunsAfterTheWrite() throws Exception {
    CountDownLatch flushed = new CountDownLatch(1);
    socket.send("x", flushed::countDown);
    assertEquals(1, flushed.getCount());
    assertEquals("4x", poll().bodyText());
    assertTrue(flushed.await(EngineFixture.WAIT_SECONDS, TimeUnit.SECONDS));
  }

  @Test
  void echoRoundTrip() {
    socket.addListener(new EngineSocketListener() {
      @Override
      public void onMessage(String text) {
        socket.send(text);
      }
    });
    RecordingPollingExchange pending = poll();
    postOk(server, sid, "4ping-pong");
    assertEquals("4ping-pong", pending.bodyText());
  }

  @Test
  void largePollResponsesAreGzipped() {
    open(quietOptions().httpCompressionThreshold(100).build());
    String big = "x".repeat(500);
    socket.send(big);
    RecordingPollingExchange ex = new RecordingPollingExchange(
        request("GET", "EIO=4&transport=polling&sid=" + sid, Map.of("Accept-Encoding", "gzip, deflate")), null);
    server.handlePolling(ex);
    assertEquals("gzip", ex.response().headers().get("Content-Encoding"));
    assertTrue(ex.response().body().length < big.length());
    assertEquals("4" + big, ex.bodyText());
    socket.send("small");
    ex = new RecordingPollingExchange(
        request("GET", "EIO=4&transport=polling&sid=" + sid, Map.of("Accept-Encoding", "gzip")), null);
    server.handlePolling(ex);
    assertEquals(null, ex.response().headers().get("Content-Encoding"));
  }

  @Test
  void aResponseOfUncompressedMessagesOnlyIsNotCompressed() {
    open(quietOptions().httpCompressionThreshold(100).build());
    String big = "x".repeat(500);
    socket.send(OutboundMessage.text(big).uncompressed());
    socket.send(OutboundMessage.text(big).uncompressed());
    RecordingPollingExchange ex = new RecordingPollingExchange(
        request("GET", "EIO=4&transport=polling&sid=" + sid, Map.of("Accept-Encoding", "gzip")), null);
    server.handlePolling(ex);
    assertEquals(null, ex.response().headers().get("Content-Encoding"));
    assertEquals("4" + big + "\u001e4" + big, ex.bodyText());
    socket.send(OutboundMessage.text(big).uncompressed());
    socket.send(big); // one message that may be compressed makes the whole response compressible (as Node)
    ex = new RecordingPollingExchange(
        request("GET", "EIO=4&transport=polling&sid=" + sid, Map.of("Accept-Encoding", "gzip")), null);
    server.handlePolling(ex);
    assertEquals("gzip", ex.response().headers().get("Content-Encoding"));
  }

  @Test
  void aSecondConcurrentPollClosesTheSession() {
    RecordingPollingExchange first = poll();
    RecordingPollingExchange second = poll();
    assertEquals(400, second.response().status());
    assertEquals("1", first.bodyText());
    assertSame(DisconnectReason.TRANSPORT_ERROR, listener.awaitClose());
    assertEquals(0, server.clientsCount());
  }

  @Test
  void anAbortedPollClosesTheSession() {
    RecordingPollingExchange ex = poll();
    ex.abort();
    assertSame(DisconnectReason.TRANSPORT_ERROR, listener.awaitClose());
    assertEquals(400, poll().response().status()); // unknown sid now
  }

  @Test
  void anOversizedPostIsRefusedWith413AndClosesTheSession() {
    open(quietOptions().maxHttpBufferSize(10).build());
    RecordingPollingExchange ex = post("EIO=4&transport=polling&sid=" + sid, "4" + "y".repeat(20));
    server.handlePolling(ex);
    assertEquals(413, ex.response().status());
    assertSame(DisconnectReason.TRANSPORT_ERROR, listener.awaitClose());
  }

  @Test
  void anUndecodablePayloadClosesWithParseError() {
    RecordingPollingExchange ex = post("EIO=4&transport=polling&sid=" + sid, "4ok\u001e9bad");
    server.handlePolling(ex);
    assertEquals(400, ex.response().status());
    assertSame(DisconnectReason.PARSE_ERROR, listener.awaitClose());
    assertFalse(listener.events.contains("message:ok"), "nothing of a bad payload is delivered");
  }

  @Test
  void binaryContentTypeIsRefusedInV4() {
    RecordingPollingExchange ex = new RecordingPollingExchange(request("POST", "EIO=4&transport=polling&sid=" + sid,
        Map.of("Content-Type", "application/octet-stream")), new byte[] {4, 1});
    server.handlePolling(ex);
    assertEquals(400, ex.response().status());
    assertSame(DisconnectReason.TRANSPORT_ERROR, listener.awaitClose());
  }

  @Test
  void anOverlappingPostClosesTheSession() {
    RecordingPollingExchange slow = new RecordingPollingExchange(request("POST", "EIO=4&transport=polling&sid=" + sid),
        "4first".getBytes(StandardCharsets.UTF_8), true);
    server.handlePolling(slow);
    RecordingPollingExchange overlap = post("EIO=4&transport=polling&sid=" + sid, "4second");
    server.handlePolling(overlap);
    assertEquals(400, overlap.response().status());
    assertSame(DisconnectReason.TRANSPORT_ERROR, listener.awaitClose());
  }

  @Test
  void aBodyNotReceivedWithinRequestTimeoutIs408AndClosesTheSession() {
    open(quietOptions().requestTimeout(java.time.Duration.ofMillis(50)).build());
    RecordingPollingExchange slow = new RecordingPollingExchange(request("POST", "EIO=4&transport=polling&sid=" + sid),
        "4late".getBytes(StandardCharsets.UTF_8), true);
    server.handlePolling(slow);
    assertEquals(408, slow.response().status());
    assertEquals("close", slow.response().headers().get("Connection"), "the rest of the body is not waited for");
    assertSame(DisconnectReason.TRANSPORT_ERROR, listener.awaitClose());
    slow.releaseBody(); // arrives after all: dropped, not delivered, not answered twice (the fixture checks)
    assertTrue(listener.events.stream().noneMatch(e -> e.startsWith("message:")), () -> "" + listener.events);
  }

  @Test
  void aPostStillArrivingWhenItsSessionClosesIs400AndDropped() {
    RecordingPollingExchange slow = new RecordingPollingExchange(request("POST", "EIO=4&transport=polling&sid=" + sid),
        "4late".getBytes(StandardCharsets.UTF_8), true);
    server.handlePolling(slow);
    socket.close();
    assertEquals("1", poll().bodyText());
    assertEquals(400, slow.response().status());
    assertEquals("close", slow.response().headers().get("Connection"));
    slow.releaseBody();
    assertTrue(listener.events.stream().noneMatch(e -> e.startsWith("message:")), () -> "" + listener.events);
  }

  @Test
  void aClosePacketFromTheClientClosesWithTransportClose() {
    postOk(server, sid, "1");
    assertSame(DisconnectReason.TRANSPORT_CLOSE, listener.awaitClose());
  }

  @Test
  void aPollPendingWhenTheClientClosesEndsWithANoopAndTheNextIs400() {
    RecordingPollingExchange pending = poll();
    postOk(server, sid, "1");
    assertEquals(200, pending.response().status());
    assertEquals("6", pending.bodyText());
    assertEquals(400, poll().response().status());
  }

  @Test
  void aPollThatArrivesJustAfterTheClientsCloseGetsTheNoopItWasOwedOnce() {
    // the client sent GET and POST "1" together; this server read the POST first (another thread, another connection)
    postOk(server, sid, "1");
    assertSame(DisconnectReason.TRANSPORT_CLOSE, listener.awaitClose());
    RecordingPollingExchange late = poll();
    assertEquals(200, late.response().status());
    assertEquals("6", late.bodyText());
    assertEquals(400, poll().response().status()); // the session is gone for every later request
    RecordingPollingExchange postAfter = post("EIO=4&transport=polling&sid=" + sid, "4late");
    server.handlePolling(postAfter);
    assertEquals(400, postAfter.response().status());
  }

  @Test
  void aSessionClosedOtherwiseOwesNoNoop() {
    socket.close();
    assertEquals("1", poll().bodyText());
    assertSame(DisconnectReason.FORCED_CLOSE, listener.awaitClose());
    assertEquals(400, poll().response().status());
  }

  @Test
  void closeFlushesThenSendsTheClosePacket() {
    socket.send("last");
    socket.close();
    assertEquals(EngineSocket.ReadyState.CLOSING, socket.readyState());
    socket.send("dropped");
    assertEquals("4last\u001e1", poll().bodyText());
    assertSame(DisconnectReason.FORCED_CLOSE, listener.awaitClose());
    assertEquals(EngineSocket.ReadyState.CLOSED, socket.readyState());
    assertEquals(1, listener.closes.get());
  }

  @Test
  void closeAnswersAPendingPollWithTheClosePacket() {
    RecordingPollingExchange pending = poll();
    socket.close();
    assertEquals("1", pending.bodyText());
    assertSame(DisconnectReason.FORCED_CLOSE, listener.awaitClose());
  }

  @Test
  void otherMethodsOnASessionGet500() {
    RecordingPollingExchange ex = new RecordingPollingExchange(request("PUT", "EIO=4&transport=polling&sid=" + sid), null);
    server.handlePolling(ex);
    assertEquals(500, ex.response().status());
  }

  @Test
  void theSlowConsumerBoundClosesTheSession() {
    open(quietOptions().maxBufferedPackets(3).build());
    socket.send("1");
    socket.send("2");
    socket.send("3");
    socket.send("4");
    assertSame(DisconnectReason.SLOW_CONSUMER, listener.awaitClose());
  }

  @Test
  void volatileSendsAreDroppedWhenNoPollIsPending() {
    assertFalse(socket.sendVolatile("nobody listens"));
    RecordingPollingExchange pending = poll();
    assertTrue(socket.sendVolatile(OutboundMessage.text("now")));
    assertEquals("4now", pending.bodyText());
  }

  @Test
  void aBroadcastMessageIsSharedAcrossSessions() {
    String otherSid = EngineFixture.pollingHandshake(server);
    EngineSocket other = connections.next();
    OutboundMessage msg = OutboundMessage.binary(new byte[] {9});
    socket.sendAll(msg);
    other.sendAll(msg);
    assertEquals("bCQ==", poll().bodyText());
    RecordingPollingExchange ex = get("EIO=4&transport=polling&sid=" + otherSid);
    server.handlePolling(ex);
    assertEquals("bCQ==", ex.bodyText());
    assertSame(msg.textForm(), msg.textForm(), "encoded once and cached");
  }
}
