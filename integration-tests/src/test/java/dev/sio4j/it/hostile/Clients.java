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

  /** Opens a polling session; returns its sid. */
  static String openPolling(String baseUrl) throws Exception {
    HttpResponse<String> r = get(baseUrl, "");
    if (r.statusCode() != 200 || !r.body().startsWith("0{")) {
      throw new AssertionError("handshake failed: " + r.statusCode() + " " + r.body());
    }
    return SioClient.json(r.body().substring(1)).getString("sid");
  }
}
