package dev.sio4j.socket.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzz targets for the Socket.IO decoder. Under plain {@code mvn verify} each target runs once per
 * file in {@code src/test/resources/dev/sio4j/socket/parser/SocketDecoderFuzzTestInputs/<method>/}; see
 * {@code protocol/FUZZING.md} for a fuzzing run.
 *
 * <p>Input format of {@link #sequence}: messages separated by a {@code 0x00} byte; a message starting with {@code t}
 * is a text message (the rest, as UTF-8), any other a binary message (all of it). Only {@link ParseException} may
 * escape, and a decoded packet respects the {@link DecoderLimits}: no more attachments, no deeper nesting, no more
 * bytes than allowed, and no placeholder left unresolved.
 */
class SocketDecoderFuzzTest {

  private static final DecoderLimits LIMITS = new DecoderLimits(4, 8, 32, 4096);

  @FuzzTest(maxDuration = "60s")
  void text(byte[] input) {
    PacketDecoder decoder = new PacketDecoder(LIMITS);
    try {
      SocketPacket packet = decoder.decode(new String(input, StandardCharsets.UTF_8));
      if (packet == null) {
        assertTrue(decoder.isAwaitingAttachments(), "null without a pending binary packet");
      } else {
        assertBounded(packet);
      }
    } catch (ParseException expected) {
      assertFalse(decoder.isAwaitingAttachments(), "a failed decode left a pending packet");
    }
  }

  @FuzzTest(maxDuration = "60s")
  void sequence(byte[] input) {
    PacketDecoder decoder = new PacketDecoder(LIMITS);
    int start = 0;
    for (int i = 0; i <= input.length; i++) {
      if (i < input.length && input[i] != 0) {
        continue;
      }
      boolean text = i > start && input[start] == 't';
      try {
        SocketPacket packet = text
            ? decoder.decode(new String(input, start + 1, i - start - 1, StandardCharsets.UTF_8))
            : decoder.decode(ByteBuffer.wrap(input, start, i - start));
        if (packet != null) {
          assertBounded(packet);
        }
      } catch (ParseException expected) {
        decoder.reset(); // what the session does before it closes
      }
      start = i + 1;
    }
  }

  private static void assertBounded(SocketPacket packet) {
    int[] attachments = {0};
    long[] bytes = {0};
    walk(packet.data(), 0, attachments, bytes);
    assertTrue(attachments[0] <= LIMITS.maxAttachments(), attachments[0] + " attachments");
    assertTrue(bytes[0] <= LIMITS.maxPacketSize(), bytes[0] + " attachment bytes");
    assertTrue(packet.namespace().startsWith("/") && packet.namespace().length() <= LIMITS.maxNamespaceLength(),
        "namespace " + packet.namespace());
    if (!packet.type().isBinary()) {
      assertEquals(0, attachments[0], "attachment in a non-binary packet");
    }
  }

  private static void walk(Object value, int depth, int[] attachments, long[] bytes) {
    assertTrue(depth <= LIMITS.maxDepth(), "depth " + depth);
    if (value instanceof byte[] b) {
      attachments[0]++;
      bytes[0] += b.length;
    } else if (value instanceof List<?> list) {
      for (Object v : list) {
        walk(v, depth + 1, attachments, bytes);
      }
    } else if (value instanceof Map<?, ?> map) {
      assertFalse(Boolean.TRUE.equals(map.get("_placeholder")), "unresolved placeholder " + map);
      for (Object v : map.values()) {
        walk(v, depth + 1, attachments, bytes);
      }
    } else {
      assertTrue(value == null || value instanceof String || value instanceof Number || value instanceof Boolean,
          () -> "unexpected value type " + value.getClass());
    }
  }
}
