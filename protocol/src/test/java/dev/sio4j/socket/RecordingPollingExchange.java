package dev.sio4j.socket;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.transport.HttpResponse;
import dev.sio4j.engine.transport.PollingExchange;
import java.util.concurrent.CompletableFuture;

/** A recording {@link PollingExchange}: a fixed request body, and the response kept in a future. Thread safe. */
final class RecordingPollingExchange implements PollingExchange {

  private final EngineRequest request;
  private final byte[] body;
  final CompletableFuture<HttpResponse> response = new CompletableFuture<>();

  RecordingPollingExchange(EngineRequest request, byte[] body) {
    this.request = request;
    this.body = body;
  }

  @Override
  public EngineRequest request() {
    return request;
  }

  @Override
  public void readBody(long maxBytes, BodyCallback callback) {
    if (body.length > maxBytes) {
      callback.onTooLarge();
    } else {
      callback.onBody(body);
    }
  }

  @Override
  public void respond(HttpResponse r) {
    response.complete(r);
  }

  @Override
  public void onAbort(Runnable callback) {}
}
