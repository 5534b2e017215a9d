package dev.sio4j.engine;

import static dev.sio4j.engine.EngineFixture.quietOptions;
import static dev.sio4j.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineFixture.Connections;
import dev.sio4j.engine.EngineFixture.RecordingListener;
import dev.sio4j.engine.EngineFixture.RecordingWebSocketChannel;
import dev.sio4j.engine.transport.WebSocketHandler;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketTest {

  private EngineServer server;
  private RecordingWebSocketChannel channel;
  private WebSocketHandler handler;
  private EngineSocket socket;
  private RecordingListener listener;

  private void open(EngineOptions options, boolean autoComplete) {
    server = new EngineServer(options);
    Connections connections = new Connections(server);
    channel = new RecordingWebSocketChannel(autoComplete);
    handler = server.handleWebSocket(request("GET", "EIO=4&transport=websocket"), channel);
    socket = connections.next();
    listener = connections.listener(socket);
    if (autoComplete) {
      assertEquals('0', channel.nextText().charAt(0));
    }
  }

  @AfterEach
  void closeServer() {
    server.close();
  }

  @Test
  void textAndBinaryFramesBothWays() {
    open(quietOptions().build(), true);
    handler.onText("4hello");
    handler.onBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    handler.onText("bAQIDBA==");
    assertEquals("message:hello", listener.next());
    assertEquals("binary:1,2,3", listener.next());
    assertEquals("binary:1,2,3,4", listener.next());
    socket.send("hi");
    socket.send(new byte[] {5, 6});
    assertEquals("4hi", channel.nextText());
    assertArrayEquals(new byte[] {5, 6}, (byte[]) channel.nextFrame());
  }

  @Test
  void aBadFrameClosesWithParseError() {
    open(quietOptions().build(), true);
    handler.onText("x");
    assertSame(DisconnectReason.PARSE_ERROR, listener.awaitClose());
    assertEquals(1000, channel.awaitClose());
  }

  @Test
  void anOversizedFrameClosesTheSession() {
    open(quietOptions().maxHttpBufferSize(5).build(), true);
    handler.onText("4" + "z".repeat(10));
    assertSame(DisconnectReason.TRANSPORT_ERROR, listener.awaitClose());
    assertEquals(1009, channel.awaitClose());
  }

  @Test
  void thePeerClosingIsATransportClose() {
    open(quietOptions().build(), true);
    handler.onClose(1001, "going away");
    assertSame(DisconnectReason.TRANSPORT_CLOSE, listener.awaitClose());
    assertEquals(0, server.clientsCount());
    handler.onError(new RuntimeException("late"));
    assertEquals(1, listener.closes.get(), "onClose exactly once");
  }

  @Test
  void aClientPingIsTheWrongHeartbeatDirection() {
    open(quietOptions().build(), true);
    handler.onText("2");
    assertSame(DisconnectReason.TRANSPORT_ERROR, listener.awaitClose());
  }

  @Test
  void sendsOneFrameAtATimeInOrder() {
    open(quietOptions().build(), false);
    for (int i = 0; i < 5; i++) {
      socket.send("m" + i);
    }
    assertEquals('0', channel.nextText().charAt(0));
    channel.completeOne(); // the open packet
    for (int i = 0; i < 5; i++) {
      assertEquals("4m" + i, channel.nextText());
      channel.completeOne();
    }
    assertFalse(channel.violation.get());
  }

  @Test
  void theSlowConsumerBoundClosesTheSession() {
    open(quietOptions().maxBufferedPackets(2).build(), false);
    socket.send("a"); // the open packet is in flight; "a" and "b" wait
    socket.send("b");
    socket.send("c");
    assertSame(DisconnectReason.SLOW_CONSUMER, listener.awaitClose());
    assertEquals(1000, channel.awaitClose());
  }

  @Test
  void aBurstSentInsideOneCallbackToAReadingClientIsNotASlowConsumer() {
    int burst = quietOptions().build().maxBufferedPackets() + 1; // 10,001, as a "send me the history" reply
    server = new EngineServer(quietOptions().build());
    server.onConnection(s -> s.addListener(new EngineSocketListener() {
      @Override
      public void onMessage(String text) {
        for (int i = 0; i < burst; i++) {
          s.send("h" + i);
        }
      }
    }));
    channel = new RecordingWebSocketChannel(true);
    handler = server.handleWebSocket(request("GET", "EIO=4&transport=websocket"), channel);
    assertEquals('0', channel.nextText().charAt(0));
    handler.onText("4history");
    for (int i = 0; i < burst; i++) {
      assertEquals("4h" + i, channel.nextText());
    }
    assertEquals(1, server.clientsCount(), "still open");
    assertFalse(channel.closeCode.isDone());
  }

  @Test
  void aBurstInsideOneCallbackStillMeetsTheBoundWhenTheClientDoesNotRead() {
    open(quietOptions().maxBufferedPackets(10).build(), false); // sends never complete: the client reads nothing
    channel.nextFrame(); // the open packet, outstanding for good
    WriteCork cork = WriteCork.begin(); // as inside a listener callback
    try {
      for (int i = 0; i < 11; i++) {
        socket.send("h" + i);
      }
    } finally {
      cork.end();
    }
    assertSame(DisconnectReason.SLOW_CONSUMER, listener.awaitClose());
  }

  @Test
  void aCallbackThatBlocksDelaysNoWriteToAnotherSessionFromAnotherThread() throws Exception {
    server = new EngineServer(quietOptions().build());
    Connections connections = new Connections(server);
    RecordingWebSocketChannel channelA = new RecordingWebSocketChannel(true);
    WebSocketHandler a = server.handleWebSocket(request("GET", "EIO=4&transport=websocket"), channelA);
    EngineSocket socketA = connections.next();
    RecordingWebSocketChannel channelB = new RecordingWebSocketChannel(true);
    server.handleWebSocket(request("GET", "EIO=4&transport=websocket"), channelB);
    EngineSocket socketB = connections.next();
    channelA.nextText();
    channelB.nextText();
    CountDownLatch working = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    socketA.addListener(new EngineSocketListener() {
      @Override
      public void onMessage(String text) { // a slow handler of A: writes to B and to A, then works
        socketB.send("tick");
        socketA.send("ack");
        working.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    Thread handlerThread = new Thread(() -> a.onText("4slow"), "slow-handler");
    handlerThread.start();
    try {
      assertTrue(working.await(EngineFixture.WAIT_SECONDS, TimeUnit.SECONDS));
      // while A's callback still works, a write to B from another thread goes out at once, with what A held for B
      socketB.send("from another thread");
      assertEquals("4tick", channelB.nextText());
      assertEquals("4from another thread", channelB.nextText());
    } finally {
      release.countDown();
      handlerThread.join();
    }
    assertEquals("4ack", channelA.nextText()); // A's own write waited for its callback (the cork)
  }

  @Test
  void volatileSendsAreDroppedWhileTheChannelIsBusy() {
    open(quietOptions().build(), false);
    assertFalse(socket.sendVolatile("busy")); // the open packet is still outstanding
    channel.nextFrame();
    channel.completeOne();
    assertTrue(socket.sendVolatile(new byte[] {7}));
    assertArrayEquals(new byte[] {7}, (byte[]) channel.nextFrame());
  }

  @Test
  void sendCallbackAndDrainRunAfterTheFrameWasSent() throws Exception {
    open(quietOptions().build(), false);
    CountDownLatch drained = new CountDownLatch(1);
    socket.addListener(new EngineSocketListener() {
      @Override
      public void onDrain() {
        drained.countDown();
      }
    });
    CountDownLatch flushed = new CountDownLatch(1);
    socket.send("x", flushed::countDown);
    assertEquals('0', channel.nextText().charAt(0));
    channel.completeOne(); // open
    assertEquals("4x", channel.nextText());
    assertEquals(1, flushed.getCount());
    channel.completeOne();
    assertTrue(flushed.await(EngineFixture.WAIT_SECONDS, TimeUnit.SECONDS));
    assertTrue(drained.await(EngineFixture.WAIT_SECONDS, TimeUnit.SECONDS));
  }

  @Test
  void packetEventsPrecedeMessagesAndFlushPrecedesDrain() throws Exception {
    open(quietOptions().build(), true);
    java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    socket.addListener(new EngineSocketListener() {
      @Override
      public void onPacket(dev.sio4j.engine.packet.EnginePacket packet) {
        events.add("packet " + packet.type());
      }

      @Override
      public void onMessage(String text) {
        events.add("message " + text);
      }

      @Override
      public void onFlush() {
        events.add("flush");
      }

      @Override
      public void onDrain() {
        events.add("drain");
        done.countDown();
      }
    });
    handler.onText("3"); // an unsolicited pong is still a packet
    handler.onText("4hi");
    socket.send("ok");
    assertTrue(done.await(EngineFixture.WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(java.util.List.of("packet PONG", "packet MESSAGE", "message hi", "flush", "drain"), events);
  }

  @Test
  void closeFlushesThenClosesTheChannel() {
    open(quietOptions().build(), true);
    socket.send("bye");
    socket.close();
    assertEquals("4bye", channel.nextText());
    assertEquals(1000, channel.awaitClose());
    assertSame(DisconnectReason.FORCED_CLOSE, listener.awaitClose());
  }

  @Test
  void aFailedSendIsATransportError() {
    server = new EngineServer(quietOptions().build());
    Connections connections = new Connections(server);
    RecordingWebSocketChannel failing = new RecordingWebSocketChannel() {
      @Override
      public void sendText(String text, SendCallback callback) {
        callback.onFailure(new java.io.IOException("broken pipe"));
      }
    };
    server.handleWebSocket(request("GET", "EIO=4&transport=websocket"), failing);
    EngineSocket s = connections.next();
    assertSame(DisconnectReason.TRANSPORT_ERROR, connections.listener(s).awaitClose());
  }
}
