package dev.sio4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A minimal Engine.IO polling client over java.net.http, for conformance tests. Thread safe. */
final class EioHttp {

  static final Duration TIMEOUT = Duration.ofSeconds(20);
  static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT)
      .build();

  private final String base;

  /** A client for {@code baseUrl + path} (path such as {@code /engine.io/}). */
  EioHttp(String baseUrl, String path) {
    this.base = baseUrl + path;
  }

  HttpRequest.Builder request(String query) {
    return HttpRequest.newBuilder(URI.create(base + "?" + query)).timeout(TIMEOUT);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return sendAsync(request).get(TIMEOUT.toSeconds() + 5, java.util.concurrent.TimeUnit.SECONDS);
  }

  CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
    return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String query) throws Exception {
    return send(request(query).GET());
  }

  HttpResponse<String> post(String query, String body) throws Exception {
    return send(request(query).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Sends only the head of a POST that declares a {@code Content-Length} of {@code declaredLength} bytes and returns
   * the status the server answers with, without sending the body. (Sending a body the server refuses early races the
   * refusal: the server may close while the client still writes, and the client then sees a broken pipe, not the
   * status.)
   */
  int postHeadOnly(String query, long declaredLength) throws Exception {
    URI uri = URI.create(base + "?" + query);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      String head = "POST " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
          + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
          + "Content-Type: text/plain;charset=UTF-8\r\n"
          + "Content-Length: " + declaredLength + "\r\n"
          + "Connection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          java.nio.charset.StandardCharsets.US_ASCII)).readLine(); // "HTTP/1.1 413 Payload Too Large"
      assertTrue(status != null && status.startsWith("HTTP/1.1 "), "status line: " + status);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  /** Opens a polling session; returns the open packet's JSON. */
  JsonObject handshake() throws Exception {
    HttpResponse<String> r = get("EIO=4&transport=polling");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals('0', r.body().charAt(0), r.body());
    return json(r.body().substring(1));
  }

  String openSession() throws Exception {
    return handshake().getString("sid");
  }

  static String sidQuery(String sid) {
    return "EIO=4&transport=polling&sid=" + sid;
  }

  /** One long poll that must succeed; returns its body. */
  String poll(String sid) throws Exception {
    HttpResponse<String> r = get(sidQuery(sid));
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  /** One POST that must succeed with {@code ok}. */
  void push(String sid, String payload) throws Exception {
    HttpResponse<String> r = post(sidQuery(sid), payload);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("ok", r.body());
  }

  static JsonObject json(String s) {
    try (var reader = Json.createReader(new StringReader(s))) {
      return reader.readObject();
    }
  }
}
