package dev.sio4j.it.api;

import static dev.sio4j.it.api.ApiScenarios.TARGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.it.Container;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acknowledgements, binary and catch-all listeners with the official client ({@code api-acks.mjs}); binary values are
 * reported by the script as {@code {"bin":[bytes]}}.
 */
class AcksIT {

  private static JsonObject result(Container c, String transport, String scenario) {
    return ApiScenarios.result("api-acks.mjs", c, transport, scenario);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void serverAcknowledgesWithAllArguments(Container c, String transport) {
    assertEquals("{\"answer\":[1,\"two\",{\"three\":[3,null]},true]}",
        result(c, transport, "clientAsksServerAcks").toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void serverEmitWithAckGetsTheClientAnswer(Container c, String transport) {
    assertEquals("{\"withTimeout\":{\"responses\":[5,\"sum\"]},\"withoutTimeout\":{\"responses\":[9,\"sum\"]}}",
        result(c, transport, "serverAsksClientAcks").toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void clientTimeoutFiresWhenTheServerNeverAcks(Container c, String transport) {
    assertEquals("{\"timedOut\":true,\"message\":\"operation has timed out\",\"stillConnected\":true}",
        result(c, transport, "clientTimeoutWhenServerNeverAcks").toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void serverTimeoutFiresWhenTheClientNeverAcks(Container c, String transport) {
    JsonObject r = result(c, transport, "serverTimeoutWhenClientNeverAcks");
    assertEquals("TIMEOUT", r.getString("kind"), r::toString);
    assertEquals(1, r.getInt("asked"), "the client got the event once");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void broadcastAcksCollectOneAnswerPerClient(Container c, String transport) {
    // io.to(room).timeout(): every voter; socket.to(room).timeout(): every voter but the sender; empty room: []
    assertEquals("{\"all\":[\"q:0\",\"q:1\",\"q:2\"],\"fromSocket\":[\"s:1\",\"s:2\"],\"nobody\":{\"responses\":[]}}",
        result(c, transport, "broadcastAcks").toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void broadcastAckTimeoutReportsThePartialAnswers(Container c, String transport) {
    JsonObject r = result(c, transport, "broadcastAckTimeoutWithPartialAnswers");
    assertEquals("TIMEOUT", r.getString("kind"), r::toString);
    assertEquals("[\"a\",\"b\"]", r.getJsonArray("responses").toString());
    assertEquals(1, r.getInt("silentAsked"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void binaryTravelsBothWaysAndNested(Container c, String transport) {
    assertBinaryScenario(result(c, transport, "binary"));
  }

  /** The result of api-acks.mjs's {@code binary} scenario, whatever the parser. */
  static void assertBinaryScenario(JsonObject r) {
    assertEquals(true, r.getBoolean("echoIsBuffer"));
    assertEquals("[{\"bin\":[1,2,3]},{\"nested\":{\"deep\":[{\"bin\":[4,5]},\"text\"]}}]",
        r.getJsonArray("echo").toString());
    assertEquals("[{\"bin\":{\"bin\":[6]}},{\"bin\":[]}]", r.getJsonArray("acked").toString());
    assertEquals("{\"bin\":[1,2,3]}", r.getJsonObject("serverTop").toString());
    assertEquals("{\"name\":\"nested\",\"deep\":[{\"bytes\":{\"bin\":[4,5]}},{\"bin\":[6]}]}",
        r.getJsonObject("serverNested").toString());
    assertEquals("[{\"bin\":[7,8]},{\"inAck\":{\"bin\":[9]}}]", r.getJsonArray("serverAck").toString());
    assertEquals("{\"x\":{\"bin\":[42]}}", r.getJsonObject("news").toString());
    assertEquals(true, r.getBoolean("newsIsBuffer"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void onAnyAndOnAnyOutgoingSeeEveryEvent(Container c, String transport) {
    // incoming: every event, handled or not; outgoing: emits and broadcasts, not acknowledgements
    JsonObject r = result(c, transport, "anyListeners");
    assertEquals("[\"join\",\"echo\",\"unhandled-event\",\"emit\",\"any-log\"]",
        r.getJsonArray("incoming").toString());
    assertEquals("[\"welcome\",\"room-news\",\"self-news\"]", r.getJsonArray("outgoing").toString());
  }
}
