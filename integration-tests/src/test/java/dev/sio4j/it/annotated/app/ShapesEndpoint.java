package dev.sio4j.it.annotated.app;

import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.Ack;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Argument binding and acknowledgements: records, a list of records, a POJO, binary, stages, an explicit ack. */
@SocketIoEndpoint("/shapes")
public class ShapesEndpoint {

  /** Two record arguments; the return value answers the ack. */
  @OnEvent("area")
  public int area(Point a, Point b) {
    return Math.abs(b.x() - a.x()) * Math.abs(b.y() - a.y());
  }

  /** A {@code List<record>} argument: the length of the closed polygon. */
  @OnEvent("perimeter")
  public double perimeter(List<Point> points) {
    double length = 0;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      Point q = points.get((i + 1) % points.size());
      length += Math.hypot(q.x() - p.x(), q.y() - p.y());
    }
    return length;
  }

  /** A POJO in, a POJO out. */
  @OnEvent("shout")
  public Label shout(Label label) {
    Label loud = new Label();
    loud.setText(label.getText().toUpperCase() + "!".repeat(label.getRepeat()));
    loud.setRepeat(label.getRepeat());
    return loud;
  }

  /** A binary attachment in, a binary attachment out. */
  @OnEvent("reverse")
  public byte[] reverse(byte[] data) {
    byte[] reversed = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      reversed[i] = data[data.length - 1 - i];
    }
    return reversed;
  }

  /** The ack is sent when the stage completes, on another thread. */
  @OnEvent("later")
  public CompletionStage<String> later(String text) {
    return CompletableFuture.supplyAsync(() -> "later " + text);
  }

  /** An explicit {@code Ack} parameter answers with several arguments. */
  @OnEvent("explicit")
  public void explicit(String text, Ack ack, int count) {
    ack.send(text, count + 1, new byte[] {(byte) count});
  }
}
