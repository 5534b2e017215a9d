package dev.sio4j.socket;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.socket.adapter.Adapter;
import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.InMemoryAdapter;
import dev.sio4j.socket.adapter.SessionAwareAdapter;
import dev.sio4j.socket.parser.DecoderLimits;
import dev.sio4j.socket.parser.SocketParser;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Options of a {@link SocketIoServer}. Defaults equal Node's {@code socket.io}.
 *
 * <pre>{@code
 * SocketIoOptions options = SocketIoOptions.builder()
 *     .engine(EngineOptions.builder().path("/socket.io/").build())
 *     .connectTimeout(Duration.ofSeconds(10))
 *     .build();
 * }</pre>
 *
 * @param engine the Engine.IO options; defaults to Node's engine defaults with path {@code /socket.io/}
 * @param connectTimeout how long a new connection may wait before joining a namespace; defaults to 45 s
 * @param maxAttachments most binary attachments in one incoming packet; defaults to 10
 * @param maxNestingDepth deepest JSON nesting accepted from a client; defaults to 32
 * @param maxPendingAcks most acknowledgements one socket may wait for at once; defaults to 1,000
 * @param executor runs event handlers (serially per connection) when they may block, or {@code null} (the default)
 *     to run them on the engine's callback thread
 * @param adapterFactory creates the adapter of each namespace; defaults to {@link InMemoryAdapter}, or to
 *     {@link SessionAwareAdapter} when connection state recovery is enabled
 * @param connectionStateRecovery connection state recovery settings, or {@code null} (the default) when disabled
 * @param cleanupEmptyChildNamespaces whether a child of a dynamic namespace is removed (with its adapter) once its
 *     last socket leaves, as Node's option of that name; defaults to {@code false} like Node. Turn it on when
 *     clients choose the names (e.g. {@code io.of(Pattern.compile("/room-\\d+"))}): otherwise every name a client
 *     ever connected to keeps its namespace for the life of the server
 * @param parser the Socket.IO packet codec (Node's {@code parser} option); defaults to {@link SocketParser#json()}.
 *     Clients must use the same one ({@code socket.io-msgpack-parser} for {@code SocketParser.byName("msgpack")})
 */
public record SocketIoOptions(
    EngineOptions engine,
    Duration connectTimeout,
    int maxAttachments,
    int maxNestingDepth,
    int maxPendingAcks,
    Executor executor,
    Function<AdapterNamespace, Adapter> adapterFactory,
    ConnectionStateRecovery connectionStateRecovery,
    boolean cleanupEmptyChildNamespaces,
    SocketParser parser) {

  /** Validates every value. */
  public SocketIoOptions {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be > 0, was " + connectTimeout);
    }
    if (maxAttachments < 0) {
      throw new IllegalArgumentException("maxAttachments must be >= 0, was " + maxAttachments);
    }
    if (maxNestingDepth < 1) {
      throw new IllegalArgumentException("maxNestingDepth must be > 0, was " + maxNestingDepth);
    }
    if (maxPendingAcks < 1) {
      throw new IllegalArgumentException("maxPendingAcks must be > 0, was " + maxPendingAcks);
    }
    Objects.requireNonNull(adapterFactory, "adapterFactory");
    Objects.requireNonNull(parser, "parser");
  }

  /** The options with the default parser (the constructor before that option existed). */
  public SocketIoOptions(EngineOptions engine, Duration connectTimeout, int maxAttachments, int maxNestingDepth,
      int maxPendingAcks, Executor executor, Function<AdapterNamespace, Adapter> adapterFactory,
      ConnectionStateRecovery connectionStateRecovery, boolean cleanupEmptyChildNamespaces) {
    this(engine, connectTimeout, maxAttachments, maxNestingDepth, maxPendingAcks, executor, adapterFactory,
        connectionStateRecovery, cleanupEmptyChildNamespaces, SocketParser.json());
  }

  /** The options without connection state recovery (the constructor before that option existed). */
  public SocketIoOptions(EngineOptions engine, Duration connectTimeout, int maxAttachments, int maxNestingDepth,
      int maxPendingAcks, Executor executor, Function<AdapterNamespace, Adapter> adapterFactory) {
    this(engine, connectTimeout, maxAttachments, maxNestingDepth, maxPendingAcks, executor, adapterFactory, null,
        false, SocketParser.json());
  }

  /** The defaults. */
  public static SocketIoOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The decoder bounds these options imply (the packet size bound is the engine's maxHttpBufferSize). */
  DecoderLimits decoderLimits() {
    return new DecoderLimits(maxAttachments, maxNestingDepth, 256, engine.maxHttpBufferSize());
  }

  /** Builds {@link SocketIoOptions}. Not thread safe. */
  public static final class Builder {
    private EngineOptions engine = EngineOptions.builder().path("/socket.io/").build();
    private Duration connectTimeout = Duration.ofMillis(45_000);
    private int maxAttachments = 10;
    private int maxNestingDepth = 32;
    private int maxPendingAcks = 1_000;
    private Executor executor;
    private Function<AdapterNamespace, Adapter> adapterFactory;
    private ConnectionStateRecovery connectionStateRecovery;
    private boolean cleanupEmptyChildNamespaces;
    private SocketParser parser = SocketParser.json();

    private Builder() {}

    /** See {@link SocketIoOptions#engine()}. */
    public Builder engine(EngineOptions v) { engine = v; return this; }
    /** See {@link SocketIoOptions#connectTimeout()}. */
    public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
    /** See {@link SocketIoOptions#maxAttachments()}. */
    public Builder maxAttachments(int v) { maxAttachments = v; return this; }
    /** See {@link SocketIoOptions#maxNestingDepth()}. */
    public Builder maxNestingDepth(int v) { maxNestingDepth = v; return this; }
    /** See {@link SocketIoOptions#maxPendingAcks()}. */
    public Builder maxPendingAcks(int v) { maxPendingAcks = v; return this; }
    /** See {@link SocketIoOptions#executor()}. */
    public Builder executor(Executor v) { executor = v; return this; }
    /** See {@link SocketIoOptions#adapterFactory()}. */
    public Builder adapterFactory(Function<AdapterNamespace, Adapter> v) { adapterFactory = v; return this; }
    /** See {@link SocketIoOptions#connectionStateRecovery()}; {@code null} disables it. */
    public Builder connectionStateRecovery(ConnectionStateRecovery v) { connectionStateRecovery = v; return this; }
    /** See {@link SocketIoOptions#cleanupEmptyChildNamespaces()}. */
    public Builder cleanupEmptyChildNamespaces(boolean v) { cleanupEmptyChildNamespaces = v; return this; }
    /** See {@link SocketIoOptions#parser()}, e.g. {@code parser(SocketParser.byName("msgpack"))}. */
    public Builder parser(SocketParser v) { parser = v; return this; }

    /** Builds and validates. */
    public SocketIoOptions build() {
      Function<AdapterNamespace, Adapter> adapters = adapterFactory;
      if (adapters == null) {
        ConnectionStateRecovery csr = connectionStateRecovery;
        adapters = csr == null ? InMemoryAdapter::new
            : nsp -> new SessionAwareAdapter(nsp, csr.maxDisconnectionDuration(), csr.maxBufferedPackets(),
                csr.maxBufferedBytes(), csr.maxSessions());
      }
      return new SocketIoOptions(engine, connectTimeout, maxAttachments, maxNestingDepth, maxPendingAcks, executor,
          adapters, connectionStateRecovery, cleanupEmptyChildNamespaces, parser);
    }
  }
}
