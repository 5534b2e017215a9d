package dev.sio4j.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;

/** A Socket.IO v5 client over {@link RawWebSocket}, connected to namespace {@code /}. */
final class SioClient implements AutoCloseable {

  final RawWebSocket ws;
  /** The Engine.IO session id. */
  final String sid;
  /** The Socket.IO socket id in namespace {@code /}, or null when not connected to it. */
  final String socketId;
  private int nextAck = 1;

  private SioClient(RawWebSocket ws, String sid, String socketId) {
    this.ws = ws;
    this.sid = sid;
    this.socketId = socketId;
  }

  /** Opens the session and joins namespace {@code /}. */
  static SioClient connect(int port) throws IOException {
    return connect(port, null);
  }

  /** Opens the session from {@code localAddress} ({@code null}: any) and joins namespace {@code /}. */
  static SioClient connect(int port, java.net.InetAddress localAddress) throws IOException {
    RawWebSocket ws = RawWebSocket.engine(port, "/socket.io/", localAddress);
    String open = ws.nextText();
    assertEquals('0', open.charAt(0), open);
    SioClient c = new SioClient(ws, json(open.substring(1)).getString("sid"), null);
    c.ws.sendText("40");
    String connected = c.ws.nextText();
    assertTrue(connected.startsWith("40{"), connected);
    return new SioClient(c.ws, c.sid, json(connected.substring(2)).getString("sid"));
  }

  /** Opens the Engine.IO session only (no namespace yet). */
  static SioClient open(int port) throws IOException {
    RawWebSocket ws = RawWebSocket.engine(port, "/socket.io/");
    String open = ws.nextText();
    assertEquals('0', open.charAt(0), open);
    return new SioClient(ws, json(open.substring(1)).getString("sid"), null);
  }

  /** Sends {@code echo} with an ack and checks the ack comes back: the session still works. */
  void assertEchoes(String value) throws IOException {
    int id = nextAck++;
    ws.sendText("42" + id + "[\"echo\",\"" + value + "\"]");
    String reply;
    do {
      reply = ws.nextText();
      if (reply.equals("2")) {
        ws.sendText("3"); // answer heartbeats so a server with short pings keeps this session
      }
    } while (!reply.startsWith("43")); // skip broadcasts and pings
    assertEquals("43" + id + "[\"" + value + "\"]", reply);
  }

  static JsonObject json(String s) {
    try (var r = Json.createReader(new StringReader(s))) {
      return r.readObject();
    }
  }

  @Override
  public void close() {
    ws.close();
  }
}
