package dev.sio4j.engine.packet;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decoders' fuzz target: whatever the input, they fail only with {@link PacketParseException}. */
class PacketDecoderRandomInputTest {

  private static final String ALPHABET = "0123456789bB+/=\u001e\u00e9\u20ac\ud83d\ude00\ud800xyz \n";

  @Test
  void decodersOnlyEverThrowPacketParseException() {
    Random random = new Random(0x5104_1234L);
    for (int i = 0; i < 20_000; i++) {
      int len = random.nextInt(24);
      StringBuilder sb = new StringBuilder(len);
      for (int j = 0; j < len; j++) {
        sb.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String text = sb.toString();
      byte[] bytes = new byte[len];
      random.nextBytes(bytes);
      check(() -> PacketDecoder.decodeText(text), text);
      check(() -> PayloadDecoder.decode(text), text);
      check(() -> PayloadDecoder.decode(text.getBytes(StandardCharsets.UTF_8)), text);
      check(() -> PayloadDecoder.decode(bytes), "random bytes #" + i);
    }
  }

  private interface Decode {
    Object run() throws PacketParseException;
  }

  private static void check(Decode decode, String input) {
    try {
      decode.run();
    } catch (PacketParseException expected) {
      // the only allowed failure
    } catch (RuntimeException | Error e) {
      fail("decoder threw " + e + " for input " + input.codePoints().mapToObj(Integer::toHexString).toList());
    }
  }
}
