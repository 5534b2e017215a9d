package dev.sio4j.engine;

/** The Engine.IO protocol errors of Node's {@code Server.errors}, with their messages and HTTP statuses. */
enum EngineError {
  UNKNOWN_TRANSPORT(0, "Transport unknown"),
  UNKNOWN_SID(1, "Session ID unknown"),
  BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
  BAD_REQUEST(3, "Bad request"),
  FORBIDDEN(4, "Forbidden"),
  UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

  private final int code;
  private final String message;
  private final String json;

  EngineError(int code, String message) {
    this.code = code;
    this.message = message;
    this.json = toJson(code, message);
  }

  int code() {
    return code;
  }

  String message() {
    return message;
  }

  /** 403 for {@link #FORBIDDEN}, else 400 (as Node's {@code abortRequest}). */
  int status() {
    return this == FORBIDDEN ? 403 : 400;
  }

  /** {@code {"code":0,"message":"Transport unknown"}}. */
  String json() {
    return json;
  }

  /** The body with a specific message (e.g. a refused handshake says why). */
  String json(String customMessage) {
    return customMessage == null ? json : toJson(code, customMessage);
  }

  private static String toJson(int code, String message) {
    return Jsons.FACTORY.createObjectBuilder().add("code", code).add("message", message).build().toString();
  }

  /** A refusal: the error, the HTTP status and the message to send. */
  record Rejection(EngineError error, int status, String message) {
    Rejection(EngineError error) {
      this(error, error.status(), error.message());
    }

    String json() {
      return error.json(message);
    }
  }
}
