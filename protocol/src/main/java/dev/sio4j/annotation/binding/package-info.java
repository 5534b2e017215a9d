/**
 * Binds {@link dev.sio4j.annotation.SocketIoEndpoint} classes to a {@link dev.sio4j.socket.SocketIoServer}:
 * {@link dev.sio4j.annotation.binding.AnnotatedEndpoints} (registration), {@link
 * dev.sio4j.annotation.binding.EndpointInstanceFactory} (instance creation SPI: constructors or CDI).
 *
 * <pre>{@code
 * SocketIoServer io = new SocketIoServer();
 * AnnotatedEndpoints.register(io, ChatEndpoint.class, EndpointInstanceFactory.cdi());
 * }</pre>
 *
 * <h2>Event arguments</h2>
 * The socket layer delivers arguments as plain trees (Map/List/String/Number/Boolean/null/byte[]). Each handler
 * parameter gets a converter built at registration: values that already have the declared type pass through
 * untouched; {@code JsonValue} parameters get the tree as JSON-P; everything else goes tree → JSON-P structure →
 * Yasson {@code fromJsonStructure(structure, genericParameterType)} (no JSON text in between). One shared
 * {@code Jsonb} (binary data strategy BASE_64: an attachment inside an object fills a {@code byte[]} field).
 *
 * <h2>Acknowledgements and errors (the wire shape)</h2>
 * <ul>
 *   <li>A handler's return value is the single ack argument: {@code 3<id>[value]}; a {@code CompletionStage} answers
 *       when it completes. Nothing is sent when the client asked for no ack, or for a {@code void} method without an
 *       {@code Ack} parameter (as in Node).
 *   <li>An argument that does not convert: the handler is not called, the ack (if requested) is answered
 *       {@code [{"error":"invalid argument 2 of event \"move\": expected Position"}]}, one WARNING line is logged and
 *       {@code @OnError} receives an {@link dev.sio4j.annotation.binding.EventArgumentException}.
 *   <li>A handler that throws (or whose stage fails): the ack is answered {@code [{"error":"internal server error"}]}
 *       and the exception goes to {@code @OnError}, else to the log (WARNING with stack trace).
 *   <li>A connect guard: {@code false} → CONNECT_ERROR {@code {"message":"connection refused"}} (configurable);
 *       {@code ConnectionRefused} → its message and data; an auth payload that does not convert → its message; other
 *       exceptions → {@code {"message":"server error"}} and a WARNING.
 * </ul>
 *
 * <p>Logger: {@code dev.sio4j.socket}.
 */
package dev.sio4j.annotation.binding;
