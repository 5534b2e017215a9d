/**
 * The adapter SPI (Node's {@code socket.io-adapter}): one {@link dev.sio4j.socket.adapter.Adapter} per namespace
 * keeps the rooms and delivers broadcasts; {@link dev.sio4j.socket.adapter.InMemoryAdapter} is the single-node
 * implementation that encodes each broadcast once. Plug another one in with
 * {@code SocketIoOptions.builder().adapterFactory(MyAdapter::new)}.
 * {@link dev.sio4j.socket.adapter.SessionAwareAdapter} adds connection state recovery (offsets, kept packets and
 * sessions); it is the default when recovery is enabled.
 */
package dev.sio4j.socket.adapter;
