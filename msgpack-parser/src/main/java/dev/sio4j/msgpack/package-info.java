/**
 * The msgpack Socket.IO parser ({@link dev.sio4j.msgpack.MsgpackParser}), byte-compatible with npm
 * {@code socket.io-msgpack-parser} 3.0.2: each packet is one msgpack map in one binary message, binary values are
 * msgpack {@code bin}. Choose it per server; every client of that server must use the msgpack parser too.
 *
 * <pre>{@code
 * SocketIoServer io = new SocketIoServer(SocketIoOptions.builder()
 *     .parser(SocketParser.byName("msgpack"))      // or init-param sio4j.parser=msgpack in a WAR
 *     .build());
 * // browser: <script src="/socket.io/socket.io.msgpack.min.js"></script>
 * // Node:    io(url, { parser: require("socket.io-msgpack-parser") })
 * }</pre>
 */
package dev.sio4j.msgpack;
