package dev.sio4j.socket.parser;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random input: the decoder fails only with {@link ParseException}, never anything else. */
class PacketDecoderFuzzTest {

  private static final String ALPHABET = "0123456789-/,[]{}\":_placeholdernum truefalsenull.eE+\\u";
  private static final String[] SEEDS = {
      "2[\"hello\",1]", "2/admin,456[\"project:delete\",123]", "451-[\"hello\",{\"_placeholder\":true,\"num\":0}]",
      "0/admin,{\"token\":\"123\"}", "3/admin,456[]", "4{\"message\":\"Not authorized\"}",
      "52-7[\"m\",{\"_placeholder\":true,\"num\":1},[{\"_placeholder\":true,\"num\":0}]]"};

  @Test
  void onlyParseExceptionEscapes() {
    Random random = new Random(0x5104L);
    PacketDecoder decoder = new PacketDecoder();
    for (int i = 0; i < 50_000; i++) {
      String input = mutate(random, SEEDS[random.nextInt(SEEDS.length)]);
      try {
        if (random.nextInt(10) == 0) {
          decoder.decode(ByteBuffer.wrap(new byte[random.nextInt(4)]));
        } else {
          decoder.decode(input);
        }
      } catch (ParseException expected) {
        // the only allowed failure
      } catch (RuntimeException | StackOverflowError e) {
        fail("input " + input + " threw " + e, e);
      }
    }
  }

  private static String mutate(Random r, String seed) {
    StringBuilder sb = new StringBuilder(seed);
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int op = r.nextInt(4);
      int pos = sb.length() == 0 ? 0 : r.nextInt(sb.length());
      char c = r.nextInt(8) == 0 ? (char) r.nextInt(0x10000) : ALPHABET.charAt(r.nextInt(ALPHABET.length()));
      switch (op) {
        case 0 -> sb.insert(pos, c);
        case 1 -> { if (sb.length() > 0) sb.deleteCharAt(pos); }
        case 2 -> { if (sb.length() > 0) sb.setCharAt(pos, c); }
        default -> sb.setLength(pos);
      }
    }
    return sb.toString();
  }
}
