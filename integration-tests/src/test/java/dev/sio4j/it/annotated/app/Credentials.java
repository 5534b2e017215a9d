package dev.sio4j.it.annotated.app;

/** The CONNECT auth payload of {@link GuardedEndpoint}. */
public record Credentials(String token, String user) {}
