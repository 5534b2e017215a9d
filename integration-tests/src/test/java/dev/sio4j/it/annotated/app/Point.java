package dev.sio4j.it.annotated.app;

/** A record event argument. */
public record Point(int x, int y) {}
