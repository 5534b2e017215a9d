package dev.sio4j.annotation.binding;

import static dev.sio4j.annotation.binding.TestServers.connect;
import static dev.sio4j.annotation.binding.TestServers.server;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sio4j.annotation.EventName;
import dev.sio4j.annotation.OnAnyEvent;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.FakeEngineSocket;
import dev.sio4j.socket.Handshake;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Event arguments bound by position and converted to the declared (generic) types. */
class EventBindingTest {

  public record Point(int x, int y) {}

  /** A JavaBean-style POJO. */
  public static class Message {
    private String text;
    private List<String> tags;
    private byte[] image;

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }

    public byte[] getImage() {
      return image;
    }

    public void setImage(byte[] image) {
      this.image = image;
    }
  }

  @SocketIoEndpoint("/bind")
  public static class Endpoint {
    final BlockingQueue<Object> calls = new LinkedBlockingQueue<>();

    @OnEvent("record")
    public void record(Point p, Socket socket) {
      calls.add(p);
      calls.add(socket.namespace().name());
    }

    @OnEvent("pojo")
    public void pojo(Message m) {
      calls.add(m);
    }

    @OnEvent("list")
    public void list(List<Point> points) {
      calls.add(points);
    }

    @OnEvent("map")
    public void map(Map<String, Point> byName, Map<String, Object> raw) {
      calls.add(byName);
      calls.add(raw);
    }

    @OnEvent("primitives")
    public void primitives(int i, long l, double d, boolean b, Integer boxed, String s, float f) {
      calls.add(List.of(i, l, d, b, boxed == null ? "null" : boxed, s, f));
    }

    @OnEvent("binary")
    public void binary(byte[] first, Handshake handshake, byte[] second) {
      calls.add(first);
      calls.add(second);
    }

    @OnEvent("json")
    public void json(JsonObject object, JsonValue any, JsonValue missing, Object tree) {
      calls.add(object);
      calls.add(any);
      calls.add(missing);
      calls.add(tree == null ? "no tree" : tree);
    }

    @OnAnyEvent
    public void any(@EventName String event, Object first) {
      calls.add("any " + event);
    }

    Object next() throws InterruptedException {
      Object o = calls.poll(10, TimeUnit.SECONDS);
      if (o == null) {
        throw new AssertionError("handler not called");
      }
      return o;
    }

    /** The next call, skipping the catch-all's record. */
    Object nextEvent() throws InterruptedException {
      Object o = next();
      return o instanceof String s && s.startsWith("any ") ? next() : o;
    }
  }

  private final SocketIoServer io = server();
  private final Endpoint endpoint = new Endpoint();

  private FakeEngineSocket client() {
    AnnotatedEndpoints.register(io, endpoint);
    return connect(io, "/bind");
  }

  @Test
  void bindsARecordAndContextParameters() throws Exception {
    client().receive("2/bind,[\"record\",{\"x\":1,\"y\":2}]");
    assertEquals("any record", endpoint.next());
    assertEquals(new Point(1, 2), endpoint.next());
    assertEquals("/bind", endpoint.next());
  }

  @Test
  void bindsAPojoWithAnAttachmentInside() throws Exception {
    FakeEngineSocket conn = client();
    conn.receive("51-/bind,[\"pojo\",{\"text\":\"hi\",\"tags\":[\"a\",\"b\"],\"image\":{\"_placeholder\":true,"
        + "\"num\":0}}]");
    conn.receive(new byte[] {1, 2, 3});
    Message m = (Message) endpoint.nextEvent();
    assertEquals("hi", m.getText());
    assertEquals(List.of("a", "b"), m.getTags());
    assertArrayEquals(new byte[] {1, 2, 3}, m.getImage());
  }

  @Test
  void bindsAGenericListOfRecords() throws Exception {
    client().receive("2/bind,[\"list\",[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}]]");
    assertEquals(List.of(new Point(1, 2), new Point(3, 4)), endpoint.nextEvent());
  }

  @Test
  void bindsMapsTypedAndRaw() throws Exception {
    client().receive("2/bind,[\"map\",{\"a\":{\"x\":1,\"y\":2}},{\"k\":[1,\"v\"]}]");
    assertEquals(Map.of("a", new Point(1, 2)), endpoint.nextEvent());
    assertEquals(Map.of("k", List.of(1, "v")), endpoint.next());
  }

  @Test
  void bindsPrimitivesAndBoxes() throws Exception {
    client().receive("2/bind,[\"primitives\",7,12345678901,1.5,true,null,\"s\",2]");
    assertEquals(List.of(7, 12345678901L, 1.5, true, "null", "s", 2.0f), endpoint.nextEvent());
  }

  @Test
  void widensNumbersWithoutLoss() throws Exception {
    client().receive("2/bind,[\"primitives\",1,2,3,false,4,\"s\",0.5]");
    assertEquals(List.of(1, 2L, 3.0, false, 4, "s", 0.5f), endpoint.nextEvent());
  }

  @Test
  void bindsBinaryAttachmentsAsByteArrays() throws Exception {
    FakeEngineSocket conn = client();
    conn.receive("52-/bind,[\"binary\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    byte[] first = {1, 2};
    conn.receive(first);
    conn.receive(new byte[] {3});
    assertArrayEquals(first, (byte[]) endpoint.nextEvent());
    assertArrayEquals(new byte[] {3}, (byte[]) endpoint.next());
  }

  @Test
  void givesRawJsonForJsonValueParameters() throws Exception {
    client().receive("2/bind,[\"json\",{\"a\":[1,true,null]},\"text\"]");
    assertEquals(Json.createObjectBuilder().add("a", Json.createArrayBuilder().add(1).add(true).addNull()).build(),
        endpoint.nextEvent());
    assertEquals(Json.createValue("text"), endpoint.next());
    assertSame(JsonValue.NULL, endpoint.next()); // missing, as JSON null
    assertEquals("no tree", endpoint.next());
  }

  @Test
  void passesTheDecodedTreeAsIsForObjectAndRawMaps() throws Exception {
    client().receive("2/bind,[\"json\",{},null,null,{\"deep\":{\"n\":1}}]");
    endpoint.nextEvent();
    assertSame(JsonValue.NULL, endpoint.next());
    assertSame(JsonValue.NULL, endpoint.next());
    assertEquals(Map.of("deep", Map.of("n", 1)), endpoint.next());
  }

  @Test
  void theCatchAllSeesEventsWithoutHandler() throws Exception {
    FakeEngineSocket conn = client();
    conn.receive("2/bind,[\"unknown\",1]");
    assertEquals("any unknown", endpoint.next());
    conn.assertExhausted();
  }
}
