package dev.sio4j.socket;

import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.InMemoryAdapter;
import dev.sio4j.socket.adapter.SocketDetails;
import dev.sio4j.socket.parser.SocketPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A recording cluster adapter for the socket layer's tests: one pretend remote node with the sockets in
 * {@link #remote}, and a record of what would be sent to the other nodes.
 */
final class FakeClusterAdapter extends InMemoryAdapter {

  final List<SocketDetails> remote = new CopyOnWriteArrayList<>();
  final List<String> sent = new CopyOnWriteArrayList<>();

  FakeClusterAdapter(AdapterNamespace nsp) {
    super(nsp);
  }

  /** What the adapter of a cluster does on a message from another node. */
  AdapterNamespace view() {
    return namespace();
  }

  @Override
  public CompletionStage<List<SocketDetails>> fetchClusterSockets(BroadcastOptions opts) {
    List<SocketDetails> all = new ArrayList<>(localSocketDetails(opts));
    if (!opts.flags().local()) {
      all.addAll(remote);
    }
    return CompletableFuture.completedFuture(all);
  }

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    sent.add("broadcast " + opts.rooms() + " " + packet.data());
    super.broadcast(packet, opts);
  }

  @Override
  public void addSockets(BroadcastOptions opts, Set<String> rooms) {
    sent.add("join " + opts.rooms() + " " + rooms);
    super.addSockets(opts, rooms);
  }

  @Override
  public void delSockets(BroadcastOptions opts, Set<String> rooms) {
    sent.add("leave " + opts.rooms() + " " + rooms);
    super.delSockets(opts, rooms);
  }

  @Override
  public void disconnectSockets(BroadcastOptions opts, boolean close) {
    sent.add("disconnect " + opts.rooms() + " " + close);
    super.disconnectSockets(opts, close);
  }
}
