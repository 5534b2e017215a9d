package dev.sio4j.it.hostile;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client over a plain socket, for what java.net.http cannot do: send invalid UTF-8 in a text frame, stop
 * reading (a slow consumer), or vanish without a close frame. Blocking, one thread at a time; every read times out
 * after {@link #TIMEOUT_MS}.
 */
final class RawWebSocket implements AutoCloseable {

  static final int TIMEOUT_MS = 20_000;
  static final int TEXT = 1;
  static final int BINARY = 2;
  static final int CLOSE = 8;
  static final int PING = 9;
  static final int PONG = 10;

  /** A received frame (continuations are not used by the servers under test for small messages). */
  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  /** The handshake's HTTP status (101 when upgraded). */
  final int status;
  /** The handshake's response head. */
  final String responseHead;
  /** Everything received as text, to check nothing leaks. */
  final StringBuilder received = new StringBuilder();

  private RawWebSocket(Socket socket, int status, String head) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.status = status;
    this.responseHead = head;
  }

  /** Opens a connection to {@code 127.0.0.1:port} and sends the upgrade request; see {@link #status}. */
  static RawWebSocket open(int port, String pathAndQuery, String origin) throws IOException {
    return open(port, pathAndQuery, origin, null);
  }

  /** As {@link #open(int, String, String)}, from {@code localAddress} (e.g. 127.0.0.2, another client address). */
  static RawWebSocket open(int port, String pathAndQuery, String origin, InetAddress localAddress)
      throws IOException {
    Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, localAddress, 0);
    s.setSoTimeout(TIMEOUT_MS);
    s.setTcpNoDelay(true);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
        + Base64.getEncoder().encodeToString(nonce) + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
        + "\r\n";
    s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
    StringBuilder head = new StringBuilder();
    var raw = s.getInputStream();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = raw.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    String h = head.toString();
    int status = h.startsWith("HTTP/1.1 ") ? Integer.parseInt(h.substring(9, 12)) : -1;
    return new RawWebSocket(s, status, h);
  }

  /** Opens an Engine.IO WebSocket session at {@code path} and returns it with its open packet read. */
  static RawWebSocket engine(int port, String path) throws IOException {
    return engine(port, path, null);
  }

  /** As {@link #engine(int, String)}, from {@code localAddress} ({@code null}: any). */
  static RawWebSocket engine(int port, String path, InetAddress localAddress) throws IOException {
    RawWebSocket ws = open(port, path + "?EIO=4&transport=websocket", null, localAddress);
    if (ws.status != 101) {
      throw new IOException("handshake refused: " + ws.responseHead);
    }
    return ws;
  }

  void sendText(String text) throws IOException {
    sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  void sendBinary(byte[] data) throws IOException {
    sendFrame(BINARY, data);
  }

  synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
    f.write(0x80 | opcode);
    int n = payload.length;
    if (n < 126) {
      f.write(0x80 | n);
    } else if (n < 65536) {
      f.write(0x80 | 126);
      f.write(n >>> 8);
      f.write(n);
    } else {
      f.write(0x80 | 127);
      f.writeBytes(ByteBuffer.allocate(8).putLong(n).array());
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    f.writeBytes(mask);
    for (int i = 0; i < n; i++) {
      f.write(payload[i] ^ mask[i & 3]);
    }
    out.write(f.toByteArray());
    out.flush();
  }

  /**
   * Sends the start of a frame (header, mask and the first {@code sentBytes} of the payload) and nothing more: a
   * client that dies in the middle of a message.
   */
  synchronized void sendPartialFrame(int opcode, byte[] payload, int sentBytes) throws IOException {
    int n = payload.length;
    ByteArrayOutputStream f = new ByteArrayOutputStream(sentBytes + 14);
    f.write(0x80 | opcode);
    if (n < 126) {
      f.write(0x80 | n);
    } else if (n < 65536) {
      f.write(0x80 | 126);
      f.write(n >>> 8);
      f.write(n);
    } else {
      f.write(0x80 | 127);
      f.writeBytes(ByteBuffer.allocate(8).putLong(n).array());
    }
    f.writeBytes(new byte[4]); // a zero mask: the payload goes as is
    f.write(payload, 0, sentBytes);
    out.write(f.toByteArray());
    out.flush();
  }

  /** The next frame, or {@code null} when the connection ended; answers pings itself. */
  Frame readFrame() throws IOException {
    while (true) {
      int b0;
      try {
        b0 = in.read();
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        return null; // reset by the peer
      }
      if (b0 < 0) {
        return null;
      }
      int b1 = in.readUnsignedByte();
      long len = b1 & 0x7f;
      if (len == 126) {
        len = in.readUnsignedShort();
      } else if (len == 127) {
        len = in.readLong();
      }
      byte[] payload = new byte[(int) len];
      in.readFully(payload);
      int opcode = b0 & 0x0f;
      if (opcode == PING) {
        sendFrame(PONG, payload);
        continue;
      }
      if (opcode == TEXT) {
        received.append(new String(payload, StandardCharsets.UTF_8)).append('\n');
      }
      return new Frame(opcode, payload);
    }
  }

  /** The next text message; fails on anything else. */
  String nextText() throws IOException {
    Frame f = readFrame();
    if (f == null || f.opcode != TEXT) {
      throw new IOException("expected a text frame, got " + (f == null ? "end of stream" : "opcode " + f.opcode
          + (f.opcode == CLOSE ? " code " + f.closeCode() : "")));
    }
    return f.text();
  }

  /**
   * Reads until the server closes: returns the close frame's code, or -1 when the connection ended without one.
   * Skips Engine.IO pings and other messages (answering {@code 2} with {@code 3} so the session is not timed out).
   */
  int awaitClose() throws IOException {
    while (true) {
      Frame f;
      try {
        f = readFrame();
      } catch (EOFException e) {
        return -1;
      }
      if (f == null) {
        return -1;
      }
      if (f.opcode == CLOSE) {
        return f.closeCode();
      }
      if (f.opcode == TEXT && f.text().equals("2")) {
        sendText("3");
      }
    }
  }

  /** Stops reading without closing: the TCP receive window fills and the server's writes stall. */
  Socket socket() {
    return socket;
  }

  /** Drops the connection without a close frame (RST). */
  void kill() {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException e) {
      // gone anyway
    }
  }

  @Override
  public void close() {
    kill();
  }
}
