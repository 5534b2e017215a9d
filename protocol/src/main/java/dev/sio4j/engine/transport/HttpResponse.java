package dev.sio4j.engine.transport;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A complete HTTP response the engine asks a transport to write.
 *
 * @param status the HTTP status
 * @param headers response headers (including {@code Content-Type} when there is a body); written as given
 * @param body the body bytes, possibly empty, never {@code null}
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

  /** Copies the headers. */
  public HttpResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** A response with a UTF-8 text body of the given content type. */
  public static HttpResponse text(int status, String contentType, String body, Map<String, String> extraHeaders) {
    java.util.Map<String, String> h = new java.util.LinkedHashMap<>(extraHeaders);
    h.put("Content-Type", contentType);
    return new HttpResponse(status, h, body.getBytes(StandardCharsets.UTF_8));
  }
}
