package dev.sio4j.annotation.binding;

import dev.sio4j.annotation.OnAnyEvent;
import dev.sio4j.annotation.OnConnect;
import dev.sio4j.annotation.OnConnectGuard;
import dev.sio4j.annotation.OnDisconnect;
import dev.sio4j.annotation.OnDisconnecting;
import dev.sio4j.annotation.OnError;
import dev.sio4j.annotation.OnEvent;
import java.lang.annotation.Annotation;

/** The kinds of handler methods, one per method annotation. */
enum HandlerKind {
  CONNECT_GUARD(OnConnectGuard.class),
  CONNECT(OnConnect.class),
  EVENT(OnEvent.class),
  ANY_EVENT(OnAnyEvent.class),
  DISCONNECTING(OnDisconnecting.class),
  DISCONNECT(OnDisconnect.class),
  ERROR(OnError.class);

  final Class<? extends Annotation> annotation;

  HandlerKind(Class<? extends Annotation> annotation) {
    this.annotation = annotation;
  }

  boolean hasPayload() {
    return this == EVENT || this == ANY_EVENT;
  }

  boolean hasAuth() {
    return this == CONNECT || this == CONNECT_GUARD;
  }

  String annotationName() {
    return "@" + annotation.getSimpleName();
  }
}
