package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServerSideEmitTest {

  private final SocketIoServer io = Fixture.server();

  @Test
  void theInMemoryAdapterRefusesAsNodeDoes() {
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> io.serverSideEmit("hello", "world"));
    assertEquals("this adapter does not support the serverSideEmit() functionality", e.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> io.of("/admin").serverSideEmit("hello"));
  }

  @Test
  void withAckFailsTheStage() {
    assertInstanceOf(UnsupportedOperationException.class, awaitFailure(io.serverSideEmitWithAck("ping")));
  }

  @Test
  void eventsFromOtherNodesReachTheHandlersOfTheirNamespace() throws Exception {
    AtomicReference<FakeClusterAdapter> admin = new AtomicReference<>();
    AtomicReference<FakeClusterAdapter> main = new AtomicReference<>();
    SocketIoServer cluster = Fixture.server(SocketIoOptions.builder().adapterFactory(nsp -> {
      FakeClusterAdapter a = new FakeClusterAdapter(nsp);
      (nsp.name().equals("/") ? main : admin).set(a);
      return a;
    }).build());
    List<Object> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Object> answered = new CompletableFuture<>();
    EventHandler counter = (args, ack) -> seen.add("counter " + args);
    cluster.onServerSideEmit("hello", (args, ack) -> {
      seen.add(args);
      if (ack != null) {
        ack.send("pong", "ignored");
      }
    });
    cluster.onServerSideEmit("hello", counter);
    cluster.of("/admin").onServerSideEmit("hello", (args, ack) -> seen.add("admin"));

    main.get().view().receiveServerSideEmit(List.of("hello", 1, "x"), answered::complete);
    assertEquals("pong", answered.get(10, TimeUnit.SECONDS));
    assertEquals(List.of(List.of(1, "x"), "counter [1, x]"), seen);

    seen.clear();
    cluster.offServerSideEmit("hello", counter);
    main.get().view().receiveServerSideEmit(List.of("hello"), null);
    main.get().view().receiveServerSideEmit(List.of("unknown"), null);
    main.get().view().receiveServerSideEmit(List.of(), null);
    admin.get().view().receiveServerSideEmit(List.of("hello"), null);
    assertEquals(List.of(List.of(), "admin"), seen);
    cluster.close();
  }

  @Test
  void reservedNamesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> io.onServerSideEmit("disconnect", (args, ack) -> {}));
    assertThrows(IllegalArgumentException.class, () -> io.serverSideEmit("connect"));
  }
}
