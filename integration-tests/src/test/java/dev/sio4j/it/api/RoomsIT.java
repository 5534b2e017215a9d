package dev.sio4j.it.api;

import static dev.sio4j.it.api.ApiScenarios.TARGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rooms and broadcasting ({@code api-rooms.mjs}): which of three official clients each operator reaches, joining and
 * leaving, rooms per namespace over one multiplexed connection, the remote socket operations, volatile, bursts.
 */
class RoomsIT {

  private static JsonObject result(Container c, String transport, String scenario) {
    return ApiScenarios.result("api-rooms.mjs", c, transport, scenario);
  }

  static List<String> strings(JsonObject o, String key) {
    return o.getJsonArray(key).stream().map(v -> ((JsonString) v).getString()).collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void eachOperatorReachesExactlyItsSockets(Container c, String transport) {
    // a in r1; b in r1 and r2; c in none. Commands from c, then from a ("socket.*" exclude the sender).
    JsonObject r = result(c, transport, "operators");
    assertEquals(List.of("io.to", "io.to.to", "io.to(two)", "io.except", "io.to.except", "io.emit", "nsp.emit",
        "io.local", "io.to.compress", "socket.emit", "socket.broadcast.compress"), strings(r, "a"));
    assertEquals(List.of("io.to", "io.in", "io.to.to", "io.to(two)", "io.emit", "nsp.emit", "nsp.to", "io.local",
        "io.local.to", "io.to.compress", "socket.broadcast", "socket.to", "socket.in", "socket.local",
        "socket.broadcast.compress"), strings(r, "b"));
    assertEquals(List.of("io.except", "io.emit", "nsp.emit", "io.local", "socket.broadcast", "socket.except",
        "socket.local"), strings(r, "c"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void aBurstOfBroadcastsReachesEveryClientCompleteAndInOrder(Container c, String transport) {
    JsonObject r = result(c, transport, "burst");
    assertEquals("[1000,1000,1000]", r.get("ticks").toString(), r::toString);
    assertEquals("[1000,1000,1000]", r.get("bins").toString(), r::toString);
    assertEquals("[true,true,true]", r.get("ticksInOrder").toString(), r::toString);
    assertEquals("[true,true,true]", r.get("binsInOrder").toString(), r::toString);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void joinAndLeave(Container c, String transport) {
    JsonObject r = result(c, transport, "joinLeave");
    String id = r.getString("id");
    List<String> joined = strings(r, "afterJoin");
    assertEquals(3, joined.size(), joined::toString);
    assertTrue(joined.contains(id), "a socket is in its own room");
    List<String> left = strings(r, "afterLeave");
    assertEquals(2, left.size(), left::toString);
    assertTrue(left.contains(id));
    assertEquals(List.of("kept"), strings(r, "received"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void roomsBelongToTheirNamespace(Container c, String transport) {
    JsonObject r = result(c, transport, "acrossNamespaces");
    assertEquals(JsonValue.TRUE, r.get("sameEngine"), "/ and /chat share one connection");
    assertEquals(List.of("main io.to"), strings(r, "main"));
    assertEquals(List.of("chat nsp.to", "of(/chat).to from main", "chat nsp.emit"), strings(r, "chat"));
    assertEquals(List.of("chat nsp.emit"), strings(r, "other"));
    assertEquals(JsonValue.TRUE, r.get("chatRooms"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void fetchSocketsJoinLeaveAndDisconnectSockets(Container c, String transport) {
    JsonObject r = result(c, transport, "remoteOperations");
    JsonObject ids = r.getJsonObject("ids");
    List<JsonObject> fetched = r.getJsonArray("fetched").getValuesAs(JsonObject.class);
    assertEquals(2, fetched.size(), fetched::toString);
    for (JsonObject s : fetched) {
      assertTrue(s.getBoolean("inRoom"));
      if (s.getString("id").equals(ids.getString("a"))) {
        assertEquals("alice", s.getJsonObject("data").getString("name"));
      } else {
        assertEquals(ids.getString("b"), s.getString("id"));
        assertTrue(s.getJsonObject("data").isEmpty());
      }
    }
    assertEquals(List.of(ids.getString("a")), strings(r, "fetchedExcept"));
    assertEquals("[true,true,false]", r.getJsonArray("roomsAfterJoin").toString());
    assertEquals("[false,false]", r.getJsonArray("roomsAfterLeave").toString());
    assertEquals(List.of("io server disconnect", "io server disconnect"), strings(r, "clientReasons"));
    assertEquals("server namespace disconnect", r.getString("serverReason"));
    assertEquals(JsonValue.TRUE, r.get("cStillConnected"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void volatileEventsMayBeDroppedButNeverReordered(Container c, String transport) {
    JsonObject r = result(c, transport, "volatile");
    int burst = r.getInt("burst");
    assertTrue(burst <= 1000, "at most every volatile event arrives, got " + burst);
    assertEquals(1, r.getInt("after"), "a normal event after a volatile burst arrives");
    assertTrue(r.getInt("single") <= 1, r::toString);
  }
}
