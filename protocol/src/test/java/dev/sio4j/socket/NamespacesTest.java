package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.connect;
import static dev.sio4j.socket.Fixture.open;
import static dev.sio4j.socket.Fixture.server;
import static dev.sio4j.socket.Fixture.sidOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NamespacesTest {

  @Test
  void connectsToTheMainNamespaceWithASocketIdDistinctFromTheSid() {
    SocketIoServer io = server();
    CompletableFuture<Socket> connected = new CompletableFuture<>();
    io.onConnection(connected::complete);
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    String sid = sidOf(conn.nextText());
    Socket socket = Fixture.await(connected);
    assertEquals(sid, socket.id());
    assertNotEquals(conn.id(), sid);
    assertTrue(socket.connected());
    assertEquals(Map.of(), socket.handshake().auth());
    assertTrue(socket.rooms().contains(sid));
  }

  @Test
  void passesTheConnectPayloadAsAuth() {
    SocketIoServer io = server();
    io.onConnection(s -> s.emit("auth", s.handshake().auth()));
    FakeEngineSocket conn = open(io);
    conn.receive("0{\"token\":\"123\"}");
    sidOf(conn.nextText());
    assertEquals("2[\"auth\",{\"token\":\"123\"}]", conn.nextText());
  }

  @Test
  void connectsToACustomNamespace() {
    SocketIoServer io = server();
    io.of("/custom");
    FakeEngineSocket conn = open(io);
    conn.receive("0/custom,");
    assertTrue(conn.nextText().startsWith("0/custom,{\"sid\":\""));
    conn.receive("0/custom");
    conn.closed.join(); // a second CONNECT to the same namespace is an invalid state
  }

  @Test
  void refusesAnUnknownNamespace() {
    SocketIoServer io = server();
    FakeEngineSocket conn = open(io);
    conn.receive("0/random");
    assertEquals("4/random,{\"message\":\"Invalid namespace\"}", conn.nextText());
    assertTrue(!conn.isClosed());
  }

  @Test
  void ofAddsTheLeadingSlash() {
    SocketIoServer io = server();
    assertSame(io.of("/x"), io.of("x"));
    assertEquals("/x", io.of("x").name());
  }

  @Test
  void closesOnAPacketForANamespaceNotJoined() {
    SocketIoServer io = server();
    FakeEngineSocket conn = connect(io);
    conn.receive("2/other,[\"a\"]");
    conn.closed.join();
  }

  @Test
  void socketIdsAreDistinctPerNamespace() {
    SocketIoServer io = server();
    io.of("/a");
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    conn.receive("0/a,");
    assertNotEquals(sidOf(conn.nextText()), sidOf(conn.nextText()));
  }

  @Test
  void dynamicNamespaceFromPatternCreatesChildren() {
    SocketIoServer io = server();
    Namespace parent = io.of(Pattern.compile("/dyn-\\d+"));
    List<String> log = new CopyOnWriteArrayList<>();
    parent.use((s, next) -> {
      log.add("mw " + s.namespace().name());
      next.proceed();
    });
    parent.onConnection(s -> log.add("connect " + s.namespace().name()));
    FakeEngineSocket c1 = open(io);
    c1.receive("0/dyn-1,");
    assertTrue(c1.nextText().startsWith("0/dyn-1,{\"sid\""));
    FakeEngineSocket c2 = open(io);
    c2.receive("0/dyn-2,");
    c2.nextText();
    FakeEngineSocket c3 = open(io);
    c3.receive("0/dyn-x,");
    assertEquals("4/dyn-x,{\"message\":\"Invalid namespace\"}", c3.nextText());
    assertEquals(List.of("mw /dyn-1", "connect /dyn-1", "mw /dyn-2", "connect /dyn-2"), log);

    parent.emit("all", 1);
    assertEquals("2/dyn-1,[\"all\",1]", c1.nextText());
    assertEquals("2/dyn-2,[\"all\",1]", c2.nextText());
    io.of("/dyn-1").emit("one");
    assertEquals("2/dyn-1,[\"one\"]", c1.nextText());
    c2.assertExhausted();
  }

  @Test
  void newNamespaceListenersSeeStaticAndDynamicNamespacesBeforeTheirFirstClient() {
    SocketIoServer io = server();
    List<String> log = new CopyOnWriteArrayList<>();
    io.onNewNamespace(nsp -> {
      log.add("new " + nsp.name());
      nsp.onConnection(s -> log.add("connect " + s.namespace().name()));
    });
    io.of("/static");
    io.of("/static"); // existing: not new again
    io.of(Pattern.compile("/dyn-\\d+"));
    FakeEngineSocket c1 = open(io);
    c1.receive("0/dyn-1,");
    assertTrue(c1.nextText().startsWith("0/dyn-1,{\"sid\""));
    c1.receive("0/static,");
    c1.nextText();
    assertEquals(List.of("new /static", "new /dyn-1", "connect /dyn-1", "connect /static"), log);
  }

  @Test
  void sendEmitsTheMessageEvent() {
    SocketIoServer io = server();
    FakeEngineSocket c = connect(io);
    io.send("a", 1);
    assertEquals("2[\"message\",\"a\",1]", c.nextText());
    io.of("/").send("b");
    assertEquals("2[\"message\",\"b\"]", c.nextText());
    io.in(List.of()).send("c");
    assertEquals("2[\"message\",\"c\"]", c.nextText());
  }

  @Test
  void dynamicNamespaceFromPredicateSeesAuth() {
    SocketIoServer io = server();
    io.of((name, auth) -> name.startsWith("/team-") && "ok".equals(auth.get("key")));
    FakeEngineSocket ok = open(io);
    ok.receive("0/team-a,{\"key\":\"ok\"}");
    assertTrue(ok.nextText().startsWith("0/team-a,{\"sid\""));
    FakeEngineSocket no = open(io);
    no.receive("0/team-b,{\"key\":\"no\"}");
    assertEquals("4/team-b,{\"message\":\"Invalid namespace\"}", no.nextText());
  }

  @Test
  void anEmptyDynamicChildIsRemovedWhenTheOptionIsOn() {
    SocketIoServer io = server(SocketIoOptions.builder().cleanupEmptyChildNamespaces(true).build());
    Namespace parent = io.of(Pattern.compile("/dyn-\\d+"));
    CompletableFuture<Socket> first = new CompletableFuture<>();
    parent.onConnection(first::complete);
    FakeEngineSocket c1 = open(io);
    c1.receive("0/dyn-1,");
    c1.nextText();
    Namespace child = Fixture.await(first).namespace();
    assertSame(child, io.of("/dyn-1"));

    c1.receive("1/dyn-1,"); // the last socket leaves
    Namespace again = io.of("/dyn-1");
    assertNotSame(child, again, "the empty child was removed; the name makes a new one");

    FakeEngineSocket c2 = open(io);
    c2.receive("0/dyn-1,"); // joins the new child, which the parent still reaches
    assertTrue(c2.nextText().startsWith("0/dyn-1,{\"sid\""));
    parent.emit("all", 1);
    assertEquals("2/dyn-1,[\"all\",1]", c2.nextText());
    c1.assertExhausted();
  }

  @Test
  void emptyDynamicChildrenStayByDefaultAsInNode() {
    SocketIoServer io = server();
    io.of(Pattern.compile("/dyn-\\d+"));
    FakeEngineSocket c1 = open(io);
    c1.receive("0/dyn-1,");
    c1.nextText();
    Namespace child = io.of("/dyn-1");
    c1.receive("1/dyn-1,");
    assertSame(child, io.of("/dyn-1"));
  }

  @Test
  void aChildIsKeptWhileAJoinIsInItsMiddlewares() {
    SocketIoServer io = server(SocketIoOptions.builder().cleanupEmptyChildNamespaces(true).build());
    Namespace parent = io.of(Pattern.compile("/dyn-\\d+"));
    CompletableFuture<Middleware.Next> held = new CompletableFuture<>();
    parent.use((socket, next) -> {
      if ("hold".equals(socket.handshake().auth().get("mode"))) {
        held.complete(next); // this join waits
      } else {
        next.proceed();
      }
    });
    FakeEngineSocket c1 = open(io);
    c1.receive("0/dyn-1,");
    c1.nextText();
    Namespace child = io.of("/dyn-1");
    FakeEngineSocket c2 = open(io);
    c2.receive("0/dyn-1,{\"mode\":\"hold\"}");
    c1.receive("1/dyn-1,"); // the only connected socket leaves while c2 is still joining
    assertSame(child, io.of("/dyn-1"), "a join under way keeps the child");
    Fixture.await(held).proceed();
    assertTrue(c2.nextText().startsWith("0/dyn-1,{\"sid\""));
    c2.receive("1/dyn-1,");
    assertNotSame(child, io.of("/dyn-1"));
  }
}
