package dev.sio4j.it.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP for the polling transport. */
final class Clients {

  static final Duration TIMEOUT = Duration.ofSeconds(20);
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();

  private Clients() {}

  static HttpRequest.Builder request(String baseUrl, String query) {
    return HttpRequest.newBuilder(URI.create(baseUrl + "/socket.io/?EIO=4&transport=polling" + query))
        .timeout(TIMEOUT);
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String baseUrl, String query) throws Exception {
    return send(request(baseUrl, query).GET());
  }

  static HttpResponse<String> post(String baseUrl, String sid, byte[] body) throws Exception {
    return send(request(baseUrl, "&sid=" + sid).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /**
   * Sends a long-poll GET of {@code sid} over a plain socket and returns the socket, so a test can drop the connection
   * while the server holds the request.
   */
  static java.net.Socket rawPoll(int port, String sid) throws java.io.IOException {
    java.net.Socket s = new java.net.Socket("127.0.0.1", port);
    s.setSoTimeout((int) TIMEOUT.toMillis());
    String request = "GET /socket.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\n\r\n";
    s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
    return s;
  }

  /** Drops a connection without a FIN (RST), as a killed client or a pulled cable. */
  static void kill(java.net.Socket s) {
    try {
      s.setSoLinger(true, 0);
      s.close();
    } catch (java.io.IOException e) {
      // gone anyway
    }
  }

  /** Opens a polling session; returns its sid. */
  static String openPolling(String baseUrl) throws Exception {
    HttpResponse<String> r = get(baseUrl, "");
    if (r.statusCode() != 200 || !r.body().startsWith("0{")) {
      throw new AssertionError("handshake failed: " + r.statusCode() + " " + r.body());
    }
    return SioClient.json(r.body().substring(1)).getString("sid");
  }
}
