package dev.sio4j.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.socket.parser.DecoderLimits;
import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.PacketEncoder;
import dev.sio4j.socket.parser.SocketParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The {@code parser} option: the server encodes with the chosen parser, a broadcast once, sent as it encoded it. */
class ParserOptionTest {

  /** Packets as the JSON parser's text in UTF-8, in one binary message (as a binary parser sends); counts encodes. */
  private static final class BinaryJsonParser implements SocketParser {
    final AtomicInteger encodes = new AtomicInteger();

    @Override
    public String name() {
      return "binary-json";
    }

    @Override
    public Encoder newEncoder() {
      PacketEncoder json = new PacketEncoder();
      return packet -> {
        encodes.incrementAndGet();
        return EncodedPacket.binaryFrame(json.encode(packet).text().getBytes(StandardCharsets.UTF_8));
      };
    }

    @Override
    public Decoder newDecoder(DecoderLimits limits) {
      return SocketParser.json().newDecoder(limits);
    }
  }

  private static String text(FakeEngineSocket.Sent sent) {
    return new String((byte[]) sent.first(), StandardCharsets.UTF_8);
  }

  @Test
  void aBroadcastIsEncodedOnceByTheChosenParserAndSharedAsOneBinaryMessage() {
    BinaryJsonParser parser = new BinaryJsonParser();
    SocketIoServer io = Fixture.server(SocketIoOptions.builder().parser(parser).build());
    io.onConnection(s -> s.join("room"));
    FakeEngineSocket[] conns = new FakeEngineSocket[3];
    for (int i = 0; i < conns.length; i++) {
      conns[i] = Fixture.open(io);
      conns[i].receive("0{}");
      assertTrue(text(conns[i].next()).startsWith("0{\"sid\":"), "the CONNECT answer, encoded by the parser");
    }
    int before = parser.encodes.get();
    io.to("room").emit("hi", 1);
    assertEquals(1, parser.encodes.get() - before, "a broadcast is encoded once");
    Object first = conns[0].next().first();
    assertEquals("2[\"hi\",1]", new String((byte[]) first, StandardCharsets.UTF_8));
    assertSame(first, conns[1].next().first());
    assertSame(first, conns[2].next().first());
  }
}
