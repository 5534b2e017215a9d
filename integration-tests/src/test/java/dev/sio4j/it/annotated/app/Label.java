package dev.sio4j.it.annotated.app;

/** A JavaBean event argument and ack value (JSON-B binds it through its setters and getters). */
public class Label {

  private String text;
  private int repeat;

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public int getRepeat() {
    return repeat;
  }

  public void setRepeat(int repeat) {
    this.repeat = repeat;
  }
}
