package dev.sio4j.engine;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/** The engine's JSON: one shared builder factory (looking the provider up per call is slow), and the open packet. */
final class Jsons {

  static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(Map.of());

  private Jsons() {}

  /**
   * The data of the open packet, keys in Node's order:
   * {@code {"sid":"…","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}}.
   */
  static String handshake(String sid, List<String> upgrades, EngineOptions options, int protocol) {
    JsonArrayBuilder ups = FACTORY.createArrayBuilder();
    upgrades.forEach(ups::add);
    JsonObjectBuilder open = FACTORY.createObjectBuilder()
        .add("sid", sid)
        .add("upgrades", ups)
        .add("pingInterval", options.pingInterval().toMillis())
        .add("pingTimeout", options.pingTimeout().toMillis());
    if (protocol != 3) { // v3 has no maxPayload
      open.add("maxPayload", options.maxHttpBufferSize());
    }
    return open.build().toString();
  }
}
