package dev.sio4j.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.engine.transport.TransportType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InitParamsTest {

  private static InitParams params(Map<String, String> values) {
    return new InitParams(values::get);
  }

  @Test
  void absentParametersKeepTheDefaultsWithSocketIoPath() {
    EngineOptions o = params(Map.of()).engineOptions();
    assertEquals("/socket.io/", o.path());
    assertEquals(Duration.ofSeconds(25), o.pingInterval());
    assertEquals(1_000_000, o.maxHttpBufferSize());
    assertNull(o.cors());
    assertNull(o.cookie());
    assertTrue(params(Map.of()).enabled());
  }

  @Test
  void readsEveryOption() {
    EngineOptions o = params(Map.ofEntries(
        Map.entry("sio4j.path", "/rt"),
        Map.entry("sio4j.pingInterval", "300"),
        Map.entry("sio4j.pingTimeout", "PT0.2S"),
        Map.entry("sio4j.upgradeTimeout", "5000"),
        Map.entry("sio4j.maxHttpBufferSize", "1000"),
        Map.entry("sio4j.transports", "websocket"),
        Map.entry("sio4j.allowUpgrades", "false"),
        Map.entry("sio4j.perMessageDeflate", "TRUE"),
        Map.entry("sio4j.cookie", "sticky"),
        Map.entry("sio4j.cors.origins", "https://a.example, https://b.example"),
        Map.entry("sio4j.cors.credentials", "true"),
        Map.entry("sio4j.maxSessions", "10"))).engineOptions();
    assertEquals("/rt/", o.path());
    assertEquals(Duration.ofMillis(300), o.pingInterval());
    assertEquals(Duration.ofMillis(200), o.pingTimeout());
    assertEquals(Duration.ofSeconds(5), o.upgradeTimeout());
    assertEquals(1000, o.maxHttpBufferSize());
    assertEquals(Set.of(TransportType.WEBSOCKET), o.transports());
    assertFalse(o.allowUpgrades());
    assertTrue(o.perMessageDeflate());
    assertEquals("sticky", o.cookie().name());
    assertEquals(List.of("https://a.example", "https://b.example"), o.cors().origins());
    assertTrue(o.cors().credentials());
    assertEquals(10, o.maxSessions());
  }

  @Test
  void readsTheCookieAttributesAndTheRequestTimeout() {
    EngineOptions o = params(Map.of(
        "sio4j.cookie", "true",
        "sio4j.cookie.secure", "true",
        "sio4j.cookie.domain", "example.com",
        "sio4j.cookie.maxAge", "PT1H",
        "sio4j.cookie.expires", "1970-01-01T00:00:00Z",
        "sio4j.cookie.sameSite", "None",
        "sio4j.requestTimeout", "PT30S")).engineOptions();
    assertEquals("io", o.cookie().name());
    assertEquals(Boolean.TRUE, o.cookie().secure());
    assertEquals("example.com", o.cookie().domain());
    assertEquals(Duration.ofHours(1), o.cookie().maxAge());
    assertEquals(java.time.Instant.EPOCH, o.cookie().expires());
    assertEquals("None", o.cookie().sameSite());
    assertEquals(Duration.ofSeconds(30), o.requestTimeout());
    assertNull(params(Map.of("sio4j.cookie", "true")).engineOptions().cookie().secure(), "Secure follows TLS");
    assertEquals(Duration.ofMinutes(5), params(Map.of()).engineOptions().requestTimeout(), "Node's requestTimeout");
  }

  @Test
  void readsTheSocketIoOptions() {
    dev.sio4j.socket.SocketIoOptions o = params(Map.of(
        "sio4j.connectTimeout", "PT10S",
        "sio4j.maxPendingAcks", "50",
        "sio4j.maxNestingDepth", "8",
        "sio4j.cleanupEmptyChildNamespaces", "true")).socketIoOptions();
    assertEquals(Duration.ofSeconds(10), o.connectTimeout());
    assertEquals(50, o.maxPendingAcks());
    assertEquals(8, o.maxNestingDepth());
    assertTrue(o.cleanupEmptyChildNamespaces());
    assertFalse(params(Map.of()).socketIoOptions().cleanupEmptyChildNamespaces());
  }

  @Test
  void choosesTheParserByNameJsonByDefault() {
    assertEquals("json", params(Map.of()).socketIoOptions().parser().name());
    assertEquals("msgpack", params(Map.of("sio4j.parser", "msgpack")).socketIoOptions().parser().name());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> params(Map.of("sio4j.parser", "cbor")).socketIoOptions());
    assertTrue(e.getMessage().contains("sio4j.parser='cbor'"), e.getMessage());
  }

  @Test
  void readsConnectionStateRecoveryWhichIsOffByDefault() {
    assertNull(params(Map.of()).socketIoOptions().connectionStateRecovery());
    dev.sio4j.socket.ConnectionStateRecovery d = params(Map.of("sio4j.connectionStateRecovery", "true"))
        .socketIoOptions().connectionStateRecovery();
    assertEquals(dev.sio4j.socket.ConnectionStateRecovery.defaults(), d);
    assertEquals(16L << 20, d.maxBufferedBytes());
    dev.sio4j.socket.ConnectionStateRecovery o = params(Map.of(
        "sio4j.connectionStateRecovery", "true",
        "sio4j.connectionStateRecovery.maxDisconnectionDuration", "PT30S",
        "sio4j.connectionStateRecovery.skipMiddlewares", "false",
        "sio4j.connectionStateRecovery.maxBufferedPackets", "500",
        "sio4j.connectionStateRecovery.maxSessions", "20",
        "sio4j.connectionStateRecovery.maxBufferedBytes", "65536")).socketIoOptions().connectionStateRecovery();
    assertEquals(new dev.sio4j.socket.ConnectionStateRecovery(Duration.ofSeconds(30), false, 500, 20, 65_536), o);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> params(Map.of(
        "sio4j.connectionStateRecovery", "true",
        "sio4j.connectionStateRecovery.maxBufferedBytes", "0")).socketIoOptions());
    assertTrue(e.getMessage().contains("sio4j.connectionStateRecovery") && e.getMessage().contains("maxBufferedBytes"),
        e.getMessage());
  }

  @Test
  void readsTheRateLimitsWhichAreOffByDefault() {
    EngineOptions d = params(Map.of()).engineOptions();
    assertEquals(0, d.maxHandshakesPerAddress());
    assertEquals(0, d.maxSessionsPerAddress());
    assertEquals(0, d.maxInboundPacketsPerSecond());
    EngineOptions o = params(Map.of(
        "sio4j.maxHandshakesPerAddress", "30",
        "sio4j.handshakeWindow", "PT10S",
        "sio4j.maxSessionsPerAddress", "5",
        "sio4j.maxTrackedAddresses", "1000",
        "sio4j.maxInboundPacketsPerSecond", "50",
        "sio4j.inboundPacketBurst", "200")).engineOptions();
    assertEquals(30, o.maxHandshakesPerAddress());
    assertEquals(Duration.ofSeconds(10), o.handshakeWindow());
    assertEquals(5, o.maxSessionsPerAddress());
    assertEquals(1000, o.maxTrackedAddresses());
    assertEquals(50, o.maxInboundPacketsPerSecond());
    assertEquals(200, o.inboundPacketBurst());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> params(Map.of("sio4j.maxSessionsPerAddress", "-1")).engineOptions());
    assertTrue(e.getMessage().contains("maxSessionsPerAddress"), e.getMessage());
  }

  @Test
  void enabledFalseTurnsRegistrationOff() {
    assertFalse(params(Map.of("sio4j.enabled", "false")).enabled());
  }

  @Test
  void malformedValueNamesTheParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> params(Map.of("sio4j.pingInterval", "soon")).engineOptions());
    assertTrue(e.getMessage().contains("sio4j.pingInterval"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> params(Map.of("sio4j.transports", "carrier-pigeon"))
        .engineOptions());
    assertThrows(IllegalArgumentException.class, () -> params(Map.of("sio4j.enabled", "maybe")).enabled());
  }

  @Test
  void serveClientIsOnUnlessSwitchedOff() {
    assertTrue(params(Map.of()).serveClient());
    assertTrue(params(Map.of("sio4j.serveClient", " TRUE ")).serveClient());
    assertFalse(params(Map.of("sio4j.serveClient", "false")).serveClient());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> params(Map.of("sio4j.serveClient", "yes")).serveClient());
    assertEquals("init-param sio4j.serveClient='yes': expected true or false", e.getMessage());
  }

  @Test
  void anOriginPatternAllowsTheOriginsItMatchesWhole() {
    EngineOptions o = params(Map.of("sio4j.cors.originPattern", "https://[a-z]+\\.example",
        "sio4j.cors.credentials", "true")).engineOptions();
    assertTrue(o.cors().allows("https://app.example"));
    assertFalse(o.cors().allows("https://app.example.evil"));
    assertFalse(o.cors().allows("null"));
    assertTrue(o.cors().credentials());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> params(Map.of("sio4j.cors.originPattern", "https://(")).engineOptions());
    assertTrue(bad.getMessage().startsWith("init-param sio4j.cors.originPattern='https://('"), bad.getMessage());
  }
}
