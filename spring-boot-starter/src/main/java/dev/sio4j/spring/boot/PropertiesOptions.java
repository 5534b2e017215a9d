package dev.sio4j.spring.boot;

import dev.sio4j.engine.CookieOptions;
import dev.sio4j.engine.CorsOptions;
import dev.sio4j.engine.EngineOptions;
import dev.sio4j.socket.SocketIoOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@link Sio4jProperties} into sio4j's option builders; an unset property keeps the builder's default (Node's).
 * Stateless.
 */
final class PropertiesOptions {

  private PropertiesOptions() {}

  /** The Socket.IO options builder of {@code p}, so customizers can change it before it is built. */
  static SocketIoOptions.Builder socketIo(Sio4jProperties p) {
    SocketIoOptions.Builder b = SocketIoOptions.builder().engine(engine(p));
    set(p.connectTimeout(), b::connectTimeout);
    set(p.maxAttachments(), b::maxAttachments);
    set(p.maxPendingAcks(), b::maxPendingAcks);
    set(p.cleanupEmptyChildNamespaces(), b::cleanupEmptyChildNamespaces);
    return b;
  }

  static EngineOptions engine(Sio4jProperties p) {
    EngineOptions.Builder b = EngineOptions.builder().path(p.path());
    set(p.pingInterval(), b::pingInterval);
    set(p.pingTimeout(), b::pingTimeout);
    set(p.upgradeTimeout(), b::upgradeTimeout);
    set(bytes(p.maxHttpBufferSize()), b::maxHttpBufferSize);
    set(bytes(p.maxBufferedBytes()), b::maxBufferedBytes);
    set(p.maxBufferedPackets(), b::maxBufferedPackets);
    set(p.maxSessions(), b::maxSessions);
    set(p.httpCompressionThreshold(), b::httpCompressionThreshold);
    set(p.maxHandshakesPerAddress(), b::maxHandshakesPerAddress);
    set(p.handshakeWindow(), b::handshakeWindow);
    set(p.maxSessionsPerAddress(), b::maxSessionsPerAddress);
    set(p.maxTrackedAddresses(), b::maxTrackedAddresses);
    set(p.maxInboundPacketsPerSecond(), b::maxInboundPacketsPerSecond);
    set(p.inboundPacketBurst(), b::inboundPacketBurst);
    set(p.allowUpgrades(), b::allowUpgrades);
    set(p.allowEio3(), b::allowEIO3);
    set(p.perMessageDeflate(), b::perMessageDeflate);
    if (p.transports() != null && !p.transports().isEmpty()) {
      b.transports(EnumSet.copyOf(p.transports()));
    }
    set(cookie(p.cookie()), b::cookie);
    Sio4jProperties.Cors cors = p.cors();
    if (cors != null && (cors.origins() != null && !cors.origins().isEmpty() || cors.originPattern() != null)) {
      b.cors(new CorsOptions(orEmpty(cors.origins()), cors.credentials(), orEmpty(cors.allowedHeaders()),
          cors.maxAge(), cors.originPattern() == null ? null : cors.originPattern().asMatchPredicate()));
    }
    return b.build();
  }

  /** {@code true}: Node's {@code io} cookie; {@code false} or unset: none; anything else: that cookie name. */
  static CookieOptions cookie(String value) {
    if (value == null || value.isBlank() || value.trim().toLowerCase(Locale.ROOT).equals("false")) {
      return null;
    }
    CookieOptions d = CookieOptions.defaults();
    return value.trim().equalsIgnoreCase("true") ? d
        : new CookieOptions(value.trim(), d.path(), d.httpOnly(), d.sameSite());
  }

  private static Long bytes(DataSize size) {
    return size == null ? null : size.toBytes();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
