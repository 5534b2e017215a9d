package dev.sio4j.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.engine.transport.WebSocketHandler;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

  /** Records what the assembler hands on. */
  static final class RecordingHandler implements WebSocketHandler {
    final List<Object> received = new ArrayList<>();

    @Override
    public void onText(String text) {
      received.add(text);
    }

    @Override
    public void onBinary(ByteBuffer data) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      received.add(b);
    }

    @Override
    public void onClose(int code, String reason) {}

    @Override
    public void onError(Throwable error) {}
  }

  private final RecordingHandler handler = new RecordingHandler();
  private int tooBig;
  private final MessageAssembler assembler = new MessageAssembler(handler, 10, () -> tooBig++);

  @Test
  void singlePartMessagesPassThrough() {
    assembler.onText("4hello", true);
    assembler.onBinary(ByteBuffer.wrap(new byte[] {1, 2}), true);
    assertEquals("4hello", handler.received.get(0));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) handler.received.get(1));
    assertEquals(0, tooBig);
  }

  @Test
  void partsAreJoinedIntoOneMessage() {
    assembler.onText("4he", false);
    assembler.onText("llo", true);
    assembler.onBinary(ByteBuffer.wrap(new byte[] {1}), false);
    assembler.onBinary(ByteBuffer.wrap(new byte[] {2, 3}), false);
    assembler.onBinary(ByteBuffer.wrap(new byte[] {4}), true);
    assertEquals(List.of("4hello"), handler.received.subList(0, 1));
    assertArrayEquals(new byte[] {1, 2, 3, 4}, (byte[]) handler.received.get(1));
  }

  @Test
  void exactlyTheLimitPasses() {
    assembler.onText("4".repeat(5), false);
    assembler.onText("x".repeat(5), true);
    assertEquals(List.of("44444xxxxx"), handler.received);
    assertEquals(0, tooBig);
  }

  @Test
  void overTheLimitStopsAtOnceAndDropsTheRest() {
    assembler.onText("4abcdefgh", false);
    assembler.onText("ij", false); // 11 bytes: refused now, before the last part
    assembler.onText("k", true);
    assembler.onText("4later", true);
    assertEquals(1, tooBig);
    assertEquals(List.of(), handler.received);
  }

  @Test
  void textLimitCountsUtf8Bytes() {
    assembler.onText("€€€€", true); // 12 bytes in 4 chars
    assertEquals(1, tooBig);
    assertEquals(12, MessageAssembler.utf8Length("€€€€"));
    assertEquals(4, MessageAssembler.utf8Length("\uD83D\uDE00"));
  }

  @Test
  void binaryOverTheLimitIsRefused() {
    assembler.onBinary(ByteBuffer.wrap(new byte[11]), true);
    assertEquals(1, tooBig);
    assertEquals(List.of(), handler.received);
  }
}
