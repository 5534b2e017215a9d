package dev.sio4j.msgpack;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sio4j.socket.parser.DecoderLimits;
import dev.sio4j.socket.parser.ParseException;
import dev.sio4j.socket.parser.SocketParser;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random input: the msgpack decoder fails only with {@link ParseException}, never anything else. */
class MsgpackDecoderFuzzTest {

  /** Node's frames (see MsgpackParserTest), mutated byte by byte. */
  private static final String[] SEEDS = {
      "83a47479706502a46461746198a568656c6c6f01cb3ff8000000000000fda2c3a9c0c381a161920102a36e7370a12f",
      "84a47479706503a46461746191c403010203a2696407a36e7370a62f61646d696e",
      "84a47479706502a46461746192a178cf0000000100000000a26964cd012ca36e7370a12f",
      "83a47479706500a46461746181a3736964a3616263a36e7370a12f",
      "84a47479706502a46461746192a178c702000908a76f7074696f6e7381a8636f6d7072657373c3a36e7370a12f",
      "83a47479706502a46461746192a164d7000000018bcfe5687ba36e7370a12f"};
  /** Bytes that start msgpack's length-prefixed and nested forms, so mutations hit the interesting paths. */
  private static final int[] MARKERS = {0xc0, 0xc1, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcf, 0xd3, 0xd4,
      0xd7, 0xd9, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0x9f, 0x8f, 0xbf, 0xff, 0x00};

  @Test
  void onlyParseExceptionEscapes() {
    Random random = new Random(0x5104L);
    SocketParser.Decoder decoder = new MsgpackParser().newDecoder(DecoderLimits.defaults());
    for (int i = 0; i < 100_000; i++) {
      byte[] input = mutate(random, HexFormat.of().parseHex(SEEDS[random.nextInt(SEEDS.length)]));
      try {
        decoder.decode(ByteBuffer.wrap(input));
      } catch (ParseException expected) {
        // the only allowed failure
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        fail("input " + HexFormat.of().formatHex(input) + " threw " + e, e);
      }
    }
    byte[] deep = new byte[100_000];
    java.util.Arrays.fill(deep, (byte) 0x91); // [[[[... 100,000 deep
    try {
      decoder.decode(ByteBuffer.wrap(deep));
      fail("accepted 100,000 levels");
    } catch (ParseException expected) {
      // TOO_DEEP, before any stack overflow
    }
  }

  private static byte[] mutate(Random r, byte[] seed) {
    byte[] b = seed.clone();
    int len = b.length;
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int pos = r.nextInt(len);
      int v = r.nextInt(3) == 0 ? MARKERS[r.nextInt(MARKERS.length)] : r.nextInt(256);
      switch (r.nextInt(3)) {
        case 0 -> b[pos] = (byte) v;
        case 1 -> len = Math.max(1, pos); // truncate
        default -> b[pos] = (byte) (b[pos] ^ (1 << r.nextInt(8)));
      }
    }
    return java.util.Arrays.copyOf(b, len);
  }
}
