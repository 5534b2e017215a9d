package dev.sio4j.engine;

import dev.sio4j.engine.transport.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds every HTTP response of the polling transport, so the headers live in one place: {@code Cache-Control},
 * {@code X-Content-Type-Options}, CORS (as Node's {@code cors} middleware, applied to every response), the handshake
 * cookie and compression. Immutable and thread safe.
 */
final class ResponseHeaders {

  static final String TEXT_PLAIN = "text/plain; charset=UTF-8";
  static final String OCTET_STREAM = "application/octet-stream";
  private static final String CORS_METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE"; // the cors module's default

  private final EngineOptions options;
  /**
   * When the base headers do not depend on the request (no CORS, or any origin, the usual
   * setups): the answer to a data POST and the headers of a poll answer without a cookie, built once. Otherwise null.
   */
  private final HttpResponse fixedOk;
  private final Map<String, String> fixedPayloadHeaders;

  ResponseHeaders(EngineOptions options) {
    this.options = options;
    CorsOptions cors = options.cors();
    if (cors == null || cors.anyOrigin()) {
      Map<String, String> base = base(null);
      fixedOk = HttpResponse.text(200, "text/html", "ok", base);
      base.put("Content-Type", TEXT_PLAIN);
      fixedPayloadHeaders = Map.copyOf(base); // HttpResponse keeps an immutable map as it is
    } else {
      fixedOk = null;
      fixedPayloadHeaders = null;
    }
  }

  /** The headers every polling response carries (a new, mutable map); {@code request} is only read for CORS. */
  Map<String, String> base(EngineRequest request) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Cache-Control", "no-store");
    h.put("X-Content-Type-Options", "nosniff");
    CorsOptions cors = options.cors();
    if (cors != null) {
      if (cors.anyOrigin()) {
        // As Node's cors module: a literal '*', even with credentials. Browsers refuse a credentialed read of a '*'
        // answer, so "any origin" can never hand a logged-in user's responses to another site; echoing the Origin
        // here would.
        h.put("Access-Control-Allow-Origin", "*");
      } else {
        String origin = request.header("origin");
        if (origin != null && cors.allows(origin)) {
          h.put("Access-Control-Allow-Origin", origin);
        }
        h.put("Vary", "Origin");
      }
      if (cors.credentials()) {
        h.put("Access-Control-Allow-Credentials", "true");
      }
    }
    return h;
  }

  /** The answer to a CORS preflight ({@code OPTIONS}): 204 with the allowed methods and headers. */
  HttpResponse preflight(EngineRequest request) {
    Map<String, String> h = base(request);
    CorsOptions cors = options.cors();
    h.put("Access-Control-Allow-Methods", CORS_METHODS);
    if (!cors.allowedHeaders().isEmpty()) {
      h.put("Access-Control-Allow-Headers", String.join(",", cors.allowedHeaders()));
    } else {
      String asked = request.header("access-control-request-headers");
      if (asked != null) {
        h.put("Access-Control-Allow-Headers", asked);
      }
      h.merge("Vary", "Access-Control-Request-Headers", (a, b) -> a + ", " + b);
    }
    if (cors.maxAge() != null) {
      h.put("Access-Control-Max-Age", Long.toString(cors.maxAge().toSeconds()));
    }
    h.put("Content-Length", "0");
    return new HttpResponse(204, h, null);
  }

  /** A protocol error: its status and {@code {"code":…,"message":…}} as {@code application/json}. */
  HttpResponse error(EngineRequest request, EngineError.Rejection rejection) {
    return HttpResponse.text(rejection.status(), "application/json", rejection.json(), base(request));
  }

  /** A status without a body (400 for an overlapping request, 413 for an oversized body, as Node). */
  HttpResponse empty(EngineRequest request, int status) {
    return new HttpResponse(status, base(request), null);
  }

  /** The answer to a data POST: {@code ok} as {@code text/html} (as Node). */
  HttpResponse ok(EngineRequest request) {
    if (fixedOk != null) {
      return fixedOk; // immutable; its body is only read
    }
    return HttpResponse.text(200, "text/html", "ok", base(request));
  }

  /**
   * A poll answer: the payload as UTF-8 text, compressed if {@code compress} (some message allows it), large and
   * accepted; the cookie on a handshake.
   */
  HttpResponse payload(EngineRequest request, String payload, String newSid, boolean compress) {
    return payload(request, payload.getBytes(StandardCharsets.UTF_8), TEXT_PLAIN, newSid, compress);
  }

  /** A poll answer of an Engine.IO v3 binary payload ({@code application/octet-stream}), as {@link #payload}. */
  HttpResponse binaryPayload(EngineRequest request, byte[] payload, String newSid, boolean compress) {
    return payload(request, payload, OCTET_STREAM, newSid, compress);
  }

  private HttpResponse payload(EngineRequest request, byte[] body, String contentType, String newSid,
      boolean compress) {
    boolean cookie = newSid != null && options.cookie() != null;
    int threshold = options.httpCompressionThreshold();
    String encoding = compress && threshold >= 0 && body.length >= threshold
        ? HttpCompression.choose(request.header("accept-encoding")) : null;
    if (!cookie && encoding == null && fixedPayloadHeaders != null && contentType == TEXT_PLAIN) {
      return new HttpResponse(200, fixedPayloadHeaders, body); // the usual poll answer: no header map built
    }
    Map<String, String> h = base(request);
    if (cookie) {
      h.put("Set-Cookie", options.cookie().header(newSid, request.secure()));
    }
    h.put("Content-Type", contentType);
    if (encoding != null) {
      body = HttpCompression.compress(body, encoding);
      h.put("Content-Encoding", encoding);
    }
    return new HttpResponse(200, h, body);
  }
}
