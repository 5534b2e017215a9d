/*
 * LoadGen: the bench's Socket.IO load generator, one file, JDK 17 only. It speaks Engine.IO v4 / Socket.IO v5
 * itself (a non-blocking WebSocket client on one selector thread, blocking keep-alive sockets for polling), so it
 * costs little CPU per message and drives any Socket.IO server: sio4j's bench server and Node's bench/node/server.js.
 *
 *   javac -d bench/target/loadgen bench/loadgen/LoadGen.java      (bench/lib.sh does this)
 *   java -cp bench/target/loadgen LoadGen <echo|broadcast|connect|polling> [--name value ...]
 *
 * Scenarios (the server must answer "echo" with an ack of its argument and, on "bcast" {n, size}, emit "tick" with
 * a string of size bytes n times to every client):
 *   echo       C WebSocket clients, each with W acked emits 42<id>["echo",payload] in flight; rate = acks/s
 *   broadcast  C WebSocket clients; one more client emits bcast; rate = deliveries/s until all C*n ticks arrived
 *   connect    opens C WebSocket sessions (K attempts at once), prints "connected X/C", then "idling", stays T s
 *              answering pings; rate = connections/s; with --pid, the server's RSS growth per connection
 *   polling    echo over HTTP long-polling only, one emit in flight per client
 *
 * Options: --url http://127.0.0.1:3000  --path /socket.io/  --clients C  --duration D [10]  --warmup W [3]
 *   --size S [32]  --inflight W [1]  --n N [100]  --rounds R [1]  --idle T [10]  --concurrency K [100]
 *   --timeout T [60]  --pid P (server pid: its CPU, and RSS for connect, from /proc)  --source-ips A,B (local
 *   addresses to bind to, round robin: one address pair has only ~28k ephemeral ports)  --tag NAME  --quiet
 *
 * Last line of every run: RESULT scenario=... key=value ... (rate, p50_us, p99_us, errors; srv_cpu = cores the
 * server used and srv_us_per_op = its CPU microseconds per ack/delivery/connection, with --pid; lg_cpu = this
 * process's cores). Every wait is bounded by --timeout; the process always ends.
 */

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

public final class LoadGen {

  private final Map<String, String> opts;
  private final String host;
  private final int port;
  private final String path;
  private final String[] sourceIps;
  private final int timeoutS;
  private final boolean quiet;
  private final Histogram latency = new Histogram();
  private final AtomicLong errors = new AtomicLong();
  private volatile long lastTick;

  private LoadGen(Map<String, String> opts) {
    this.opts = opts;
    URI url = URI.create(opt("url", "http://127.0.0.1:3000"));
    host = url.getHost();
    port = url.getPort() > 0 ? url.getPort() : 80;
    path = opt("path", "/socket.io/");
    sourceIps = opts.containsKey("source-ips") ? opt("source-ips", "").split(",") : new String[0];
    timeoutS = num("timeout", 60);
    quiet = opts.containsKey("quiet");
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].startsWith("-")) {
      System.err.println("usage: LoadGen <echo|broadcast|connect|polling> [--name value ...] (see the file header)");
      System.exit(2);
    }
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      int eq = a.indexOf('=');
      if (eq > 0) {
        opts.put(a.substring(2, eq), a.substring(eq + 1));
      } else if (a.equals("--quiet")) {
        opts.put("quiet", "true");
      } else {
        opts.put(a.substring(2), args[++i]);
      }
    }
    LoadGen lg = new LoadGen(opts);
    String result = switch (args[0]) {
      case "echo" -> lg.echo();
      case "broadcast" -> lg.broadcast();
      case "connect" -> lg.connect();
      case "polling" -> lg.polling();
      default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
    };
    System.out.println("RESULT scenario=" + args[0] + (opts.containsKey("tag") ? " tag=" + opts.get("tag") : "")
        + " " + result);
    System.out.flush();
    Runtime.getRuntime().halt(0);   // the selector thread and idle sockets must not keep the process alive
  }

  // ---------------------------------------------------------------------------------------------- scenarios

  private String echo() throws Exception {
    int clients = num("clients", 50);
    int inflight = num("inflight", 1);
    String payload = "x".repeat(num("size", 32));
    WsLoop loop = new WsLoop();
    AtomicLong acks = new AtomicLong();
    List<Ws> conns = loop.open(clients, num("concurrency", 100), ws -> new Echoer(ws, payload, inflight, acks));
    requireAll(conns, clients);
    conns.forEach(ws -> loop.run(() -> ((Echoer) ws.handler).start()));
    return measure(acks, num("warmup", 3), num("duration", 10), true);
  }

  private String polling() throws Exception {
    int clients = num("clients", 50);
    String payload = "x".repeat(num("size", 32));
    AtomicLong acks = new AtomicLong();
    AtomicInteger ready = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(clients);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int index = i;
      Thread t = new Thread(() -> new Poller(index, payload, acks, ready, started).run(), "poller-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    if (!started.await(timeoutS, TimeUnit.SECONDS) || ready.get() < clients) {
      log("only " + ready.get() + "/" + clients + " polling clients connected");
    }
    return measure(acks, num("warmup", 3), num("duration", 10), true);
  }

  private String broadcast() throws Exception {
    int clients = num("clients", 1000);
    int n = num("n", 100);
    int size = num("size", 32);
    int rounds = num("rounds", 1);
    WsLoop loop = new WsLoop();
    AtomicLong ticks = new AtomicLong();
    List<Ws> conns = loop.open(clients, num("concurrency", 100), ws -> new Counter(ws, ticks));
    requireAll(conns, clients);
    List<Ws> control = loop.open(1, 1, ws -> new Counter(ws, new AtomicLong()));
    requireAll(control, 1);
    String bcast = "42[\"bcast\",{\"n\":" + n + ",\"size\":" + size + "}]";
    if (num("warmup", 0) > 0) {
      burst(loop, control.get(0), bcast, ticks, (long) clients * n);
    }
    List<Double> rates = new ArrayList<>();
    Cpu cpu = new Cpu(opts.get("pid"));
    boolean all = true;
    for (int r = 0; r < rounds; r++) {
      double seconds = burst(loop, control.get(0), bcast, ticks, (long) clients * n);
      all &= seconds > 0;
      rates.add(seconds > 0 ? clients * (double) n / seconds : 0);
      log("round " + (r + 1) + ": " + fmt(rates.get(r)) + " deliveries/s");
    }
    List<Double> sorted = new ArrayList<>(rates);
    sorted.sort(null);
    double median = sorted.get(sorted.size() / 2);
    return "clients=" + clients + " n=" + n + " rounds=" + rounds + " rate=" + fmt(rates.get(rates.size() - 1))
        + " rate_median=" + fmt(median) + " all_received=" + all + " errors=" + errors.get()
        + cpu.fields((long) clients * n * rounds);
  }

  /** One burst: seconds until every client got n ticks, or -1 after the timeout. */
  private double burst(WsLoop loop, Ws control, String bcast, AtomicLong ticks, long expected) throws Exception {
    long before = ticks.get();
    long t0 = System.nanoTime();
    loop.run(() -> control.sendText(bcast));
    long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutS);
    while (ticks.get() - before < expected) {
      if (System.nanoTime() > deadline) {
        log("timeout: " + (ticks.get() - before) + "/" + expected + " deliveries");
        return -1;
      }
      Thread.sleep(5);   // polling a counter; the burst's end is the last tick's own time stamp
    }
    return (lastTick - t0) / 1e9;
  }

  private String connect() throws Exception {
    int clients = num("clients", 5000);
    int idle = num("idle", 10);
    Cpu cpu = new Cpu(opts.get("pid"));
    long rss0 = cpu.rssKb();
    WsLoop loop = new WsLoop();
    AtomicLong pongs = new AtomicLong();
    long t0 = System.nanoTime();
    List<Ws> conns = loop.open(clients, num("concurrency", 100), ws -> new Counter(ws, new AtomicLong()));
    double seconds = (System.nanoTime() - t0) / 1e9;
    long connected = conns.stream().filter(ws -> ws.connected).count();
    System.out.println("connected " + connected + "/" + clients + " in " + fmt(seconds) + " s");
    long rss1 = cpu.rssKb();
    System.out.println("idling " + idle + " s");
    System.out.flush();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(idle);
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));   // load generator pacing
    }
    long open = conns.stream().filter(ws -> ws.connected && !ws.closed).count();
    long closes = conns.stream().filter(ws -> ws.closed).count();
    for (Ws ws : conns) {
      pongs.addAndGet(ws.pongs);
    }
    String rss = rss0 > 0 && connected > 0 ? " rss_per_conn_kb=" + fmt((rss1 - rss0) / (double) connected) : "";
    return "clients=" + clients + " connected=" + connected + " still_open=" + open + " pings_answered=" + pongs.get()
        + " closes=" + closes + " rate=" + fmt(connected / seconds) + " errors=" + errors.get() + rss
        + cpu.fields(connected);
  }

  /** Warm-up, then counts operations for the measured window and reports rate, latency and CPU. */
  private String measure(AtomicLong ops, int warmupS, int durationS, boolean withLatency) throws Exception {
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmupS));   // load generator pacing, not synchronisation
    latency.reset();
    Cpu cpu = new Cpu(opts.get("pid"));
    long before = ops.get();
    long t0 = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(durationS));
    long done = ops.get() - before;
    double seconds = (System.nanoTime() - t0) / 1e9;
    return "rate=" + fmt(done / seconds) + (withLatency ? " p50_us=" + latency.percentile(0.50) + " p99_us="
        + latency.percentile(0.99) : "") + " ops=" + done + " errors=" + errors.get() + cpu.fields(done);
  }

  private void requireAll(List<Ws> conns, int wanted) {
    long ok = conns.stream().filter(ws -> ws.connected).count();
    if (ok < wanted) {
      log("only " + ok + "/" + wanted + " clients connected");
      errors.addAndGet(wanted - ok);
    }
  }

  // ---------------------------------------------------------------------------------------------- WebSocket

  /** What a connection does with the Socket.IO packets it receives, as {@code 43<id>[...]} (selector thread). */
  interface Handler {
    void onPacket(String packet);
  }

  interface HandlerFactory {
    Handler create(Ws ws);
  }

  /** Acked echo with a fixed number in flight. */
  private final class Echoer implements Handler {
    private final Ws ws;
    private final String payload;
    private final int inflight;
    private final AtomicLong acks;
    private final Map<Integer, Long> sentAt = new HashMap<>();
    private int nextId;

    Echoer(Ws ws, String payload, int inflight, AtomicLong acks) {
      this.ws = ws;
      this.payload = payload;
      this.inflight = inflight;
      this.acks = acks;
    }

    void start() {
      for (int i = 0; i < inflight; i++) {
        send();
      }
    }

    private void send() {
      int id = nextId++;
      sentAt.put(id, System.nanoTime());
      ws.sendText("42" + id + "[\"echo\",\"" + payload + "\"]");
    }

    @Override
    public void onPacket(String p) {
      if (p.startsWith("43")) {
        int bracket = p.indexOf('[');
        Long t = sentAt.remove(Integer.parseInt(p.substring(2, bracket)));
        if (t != null) {
          latency.record((System.nanoTime() - t) / 1000);
        }
        acks.incrementAndGet();
        send();
      }
    }
  }

  /** Counts "tick" events and notes when the last one came (the end of a burst, whenever the waiter looks). */
  private final class Counter implements Handler {
    private final AtomicLong ticks;

    Counter(Ws ws, AtomicLong ticks) {
      this.ticks = ticks;
    }

    @Override
    public void onPacket(String p) {
      if (p.startsWith("42[\"tick\"")) {
        ticks.incrementAndGet();
        lastTick = System.nanoTime();
      }
    }
  }

  /** One selector thread owning every WebSocket connection: all reads, writes and handler calls happen on it. */
  private final class WsLoop implements Runnable {
    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private int nextSource;

    WsLoop() throws IOException {
      selector = Selector.open();
      Thread t = new Thread(this, "loadgen-selector");
      t.setDaemon(true);
      t.start();
    }

    /** Runs a task on the selector thread. */
    void run(Runnable task) {
      tasks.add(task);
      selector.wakeup();
    }

    /** Opens {@code count} sessions, at most {@code concurrency} handshakes at once; returns when all settled. */
    List<Ws> open(int count, int concurrency, HandlerFactory handlers) throws Exception {
      List<Ws> all = new ArrayList<>();
      java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(concurrency);
      CountDownLatch settled = new CountDownLatch(count);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
      for (int i = 0; i < count; i++) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
          break;
        }
        Ws ws = new Ws(() -> {
          slots.release();
          settled.countDown();
        });
        ws.handler = handlers.create(ws);
        all.add(ws);
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        if (sourceIps.length > 0) {
          ch.bind(new InetSocketAddress(sourceIps[nextSource++ % sourceIps.length].trim(), 0));
        }
        ch.connect(new InetSocketAddress(host, port));
        run(() -> ws.register(selector, ch));
      }
      settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return all;
    }

    @Override
    public void run() {
      try {
        while (true) {
          selector.select(1000);
          for (Runnable r; (r = tasks.poll()) != null; ) {
            r.run();
          }
          for (SelectionKey key : selector.selectedKeys()) {
            ((Ws) key.attachment()).ready(key);
          }
          selector.selectedKeys().clear();
        }
      } catch (IOException e) {
        log("selector failed: " + e);
      }
    }
  }

  /** One WebSocket connection carrying one Engine.IO session and a Socket.IO connection to "/". Selector-thread only. */
  private final class Ws {
    private final Runnable onSettled;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private final byte[] mask = new byte[4];
    private final SecureRandom random = new SecureRandom();
    private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
    private SocketChannel ch;
    private SelectionKey key;
    private boolean upgraded;
    private boolean settled;
    Handler handler;
    volatile boolean connected;
    volatile boolean closed;
    volatile long pongs;

    Ws(Runnable onSettled) {
      this.onSettled = onSettled;
    }

    void register(Selector selector, SocketChannel channel) {
      ch = channel;
      try {
        key = ch.register(selector, SelectionKey.OP_CONNECT, this);
      } catch (IOException e) {
        fail(e);
      }
    }

    void ready(SelectionKey k) {
      try {
        if (k.isConnectable()) {
          ch.finishConnect();
          byte[] nonce = new byte[16];
          random.nextBytes(nonce);
          queue(ByteBuffer.wrap(("GET " + path + "?EIO=4&transport=websocket HTTP/1.1\r\nHost: " + host + ":" + port
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
              + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
          return;
        }
        if (k.isWritable()) {
          flush();
        }
        if (k.isReadable()) {
          int n = ch.read(in);
          if (n < 0) {
            close();
            return;
          }
          in.flip();
          parse();
          in.compact();
        }
      } catch (IOException | RuntimeException e) {
        fail(e);
      }
    }

    private void parse() {
      if (!upgraded) {
        int end = headerEnd();
        if (end < 0) {
          return;
        }
        byte[] head = new byte[end];
        in.get(head);
        String status = new String(head, StandardCharsets.US_ASCII);
        if (!status.startsWith("HTTP/1.1 101")) {
          throw new IllegalStateException("no WebSocket upgrade: " + status.lines().findFirst().orElse(""));
        }
        upgraded = true;
      }
      while (in.remaining() >= 2) {
        int start = in.position();
        int b0 = in.get() & 0xff;
        int b1 = in.get() & 0x7f;   // server frames are unmasked
        long len = b1;
        if (b1 == 126) {
          if (in.remaining() < 2) {
            in.position(start);
            return;
          }
          len = in.getShort() & 0xffff;
        } else if (b1 == 127) {
          if (in.remaining() < 8) {
            in.position(start);
            return;
          }
          len = in.getLong();
        }
        if (len > in.capacity() - 16) {
          throw new IllegalStateException("frame of " + len + " bytes is larger than the read buffer");
        }
        if (in.remaining() < len) {
          in.position(start);
          return;
        }
        byte[] payload = new byte[(int) len];
        in.get(payload);
        frame(b0 & 0x0f, (b0 & 0x80) != 0, payload);
      }
    }

    private int headerEnd() {
      for (int i = in.position(); i + 3 < in.limit(); i++) {
        if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
          return i + 4 - in.position();
        }
      }
      return -1;
    }

    private void frame(int opcode, boolean fin, byte[] payload) {
      switch (opcode) {
        case 0x0, 0x1 -> {
          fragments.writeBytes(payload);
          if (fin) {
            String text = fragments.toString(StandardCharsets.UTF_8);
            fragments.reset();
            engine(text);
          }
        }
        case 0x9 -> sendFrame(0xA, payload);
        case 0x8 -> close();
        default -> { }   // binary and pongs: not used by these scenarios
      }
    }

    /** An Engine.IO packet. */
    private void engine(String text) {
      switch (text.charAt(0)) {
        case '0' -> sendText0("40");                 // open: connect to the main namespace
        case '2' -> {                                 // ping
          sendText0("3");
          pongs++;
        }
        case '4' -> {                                 // a Socket.IO packet, kept with its Engine.IO "4": 42[...]
          if (text.startsWith("40") && !connected) {
            connected = true;
            settle();
          } else if (text.startsWith("44")) {
            errors.incrementAndGet();
            log("connect error: " + text);
            settle();
          } else {
            handler.onPacket(text);
          }
        }
        case '1' -> close();
        default -> { }
      }
    }

    /** Sends a Socket.IO packet written with its Engine.IO message type, e.g. {@code 42["bcast",{}]}. */
    void sendText(String packet) {
      sendText0(packet);
    }

    private void sendText0(String engineIoPacket) {
      sendFrame(0x1, engineIoPacket.getBytes(StandardCharsets.UTF_8));
    }

    private void sendFrame(int opcode, byte[] payload) {
      int len = payload.length;
      ByteBuffer f = ByteBuffer.allocate(len + 14);
      f.put((byte) (0x80 | opcode));
      if (len < 126) {
        f.put((byte) (0x80 | len));
      } else if (len < 65536) {
        f.put((byte) (0x80 | 126)).putShort((short) len);
      } else {
        f.put((byte) (0x80 | 127)).putLong(len);
      }
      random.nextBytes(mask);   // client frames must be masked (RFC 6455 5.3)
      f.put(mask);
      for (int i = 0; i < len; i++) {
        f.put((byte) (payload[i] ^ mask[i & 3]));
      }
      f.flip();
      queue(f);
    }

    private void queue(ByteBuffer b) {
      out.add(b);
      try {
        flush();
      } catch (IOException e) {
        fail(e);
      }
    }

    private void flush() throws IOException {
      while (!out.isEmpty()) {
        ByteBuffer b = out.peek();
        ch.write(b);
        if (b.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        out.poll();
      }
      if (key.isValid()) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }

    private void settle() {
      if (!settled) {
        settled = true;
        onSettled.run();
      }
    }

    private void fail(Exception e) {
      if (!closed) {
        errors.incrementAndGet();
        if (!quiet) {
          log("connection failed: " + e);
        }
      }
      close();
    }

    private void close() {
      closed = true;
      settle();
      try {
        ch.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- polling

  /** One long-polling client on its own keep-alive socket: handshake, connect, then echo one at a time. */
  private final class Poller {
    private final String payload;
    private final AtomicLong acks;
    private final AtomicInteger ready;
    private final CountDownLatch started;
    private final int index;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private String sid;

    Poller(int index, String payload, AtomicLong acks, AtomicInteger ready, CountDownLatch started) {
      this.index = index;
      this.payload = payload;
      this.acks = acks;
      this.ready = ready;
      this.started = started;
    }

    void run() {
      boolean counted = false;
      try {
        socket = new Socket();
        if (sourceIps.length > 0) {
          socket.bind(new InetSocketAddress(sourceIps[index % sourceIps.length].trim(), 0));
        }
        socket.connect(new InetSocketAddress(host, port), timeoutS * 1000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutS * 1000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        String open = request("GET", null);
        int s = open.indexOf("\"sid\":\"") + 7;
        sid = open.substring(s, open.indexOf('"', s));
        request("POST", "40");
        awaitPacket("40");
        ready.incrementAndGet();
        started.countDown();
        counted = true;
        for (int id = 0; ; id++) {
          long t0 = System.nanoTime();
          request("POST", "42" + id + "[\"echo\",\"" + payload + "\"]");
          awaitPacket("43" + id + "[");
          latency.record((System.nanoTime() - t0) / 1000);
          acks.incrementAndGet();
        }
      } catch (IOException | RuntimeException e) {
        errors.incrementAndGet();
        if (!quiet) {
          log("polling client " + index + " failed: " + e);
        }
      } finally {
        if (!counted) {
          started.countDown();
        }
      }
    }

    /** Long-polls until a packet starting with {@code prefix} ({@code 43<id>[}) arrives, answering pings meanwhile. */
    private void awaitPacket(String prefix) throws IOException {
      while (true) {
        for (String p : request("GET", null).split("\u001e")) {
          if (p.equals("2")) {
            request("POST", "3");
          } else if (p.startsWith(prefix)) {
            return;
          }
        }
      }
    }

    /** One HTTP/1.1 request on the keep-alive socket; returns the body (Content-Length framing, no chunks). */
    private String request(String method, String body) throws IOException {
      byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      String target = path + "?EIO=4&transport=polling" + (sid == null ? "" : "&sid=" + sid);
      out.write((method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port
          + (body == null ? "" : "\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: " + b.length)
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(b);
      out.flush();
      String head = readHead();
      if (!head.startsWith("HTTP/1.1 200")) {
        throw new IOException(method + " answered " + head.lines().findFirst().orElse(""));
      }
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private String readHead() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int state = 0;
      while (state < 4) {
        int c = in.read();
        if (c < 0) {
          throw new IOException("connection closed");
        }
        head.write(c);
        state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1
            : c == '\r' ? 1 : 0;
      }
      return head.toString(StandardCharsets.US_ASCII);
    }
  }

  // ---------------------------------------------------------------------------------------------- measuring

  /** Latencies in microseconds, as counts per power-of-two-and-a-half bucket: lock-free, bounded. */
  private static final class Histogram {
    private static final int BUCKETS = 256;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long us) {
      counts.incrementAndGet(bucket(Math.max(1, us)));
    }

    void reset() {
      for (int i = 0; i < BUCKETS; i++) {
        counts.set(i, 0);
      }
    }

    /** 8 buckets per power of two: about 9 % resolution. */
    private static int bucket(long us) {
      int exp = 63 - Long.numberOfLeadingZeros(us);
      int sub = exp < 3 ? 0 : (int) ((us >> (exp - 3)) & 7);
      return Math.min(BUCKETS - 1, exp * 8 + sub);
    }

    private static long upper(int bucket) {
      int exp = bucket / 8;
      int sub = bucket % 8;
      return exp < 3 ? 1L << exp : (8L + sub + 1) << (exp - 3);
    }

    long percentile(double q) {
      long total = 0;
      for (int i = 0; i < BUCKETS; i++) {
        total += counts.get(i);
      }
      long rank = (long) Math.ceil(total * q);
      long seen = 0;
      for (int i = 0; i < BUCKETS; i++) {
        seen += counts.get(i);
        if (seen >= rank && seen > 0) {
          return upper(i);
        }
      }
      return 0;
    }
  }

  /** CPU of the server (from /proc/PID/stat) and of this process over a window, and the server's RSS. */
  private static final class Cpu {
    private static final double TICKS_PER_S = 100;   // USER_HZ on Linux
    private final String pid;
    private final long srvTicks0;
    private final long lgNanos0;
    private final long t0 = System.nanoTime();

    Cpu(String pid) {
      this.pid = pid;
      srvTicks0 = serverTicks();
      lgNanos0 = ownNanos();
    }

    String fields(long ops) {
      double seconds = (System.nanoTime() - t0) / 1e9;
      String s = " lg_cpu=" + fmt((ownNanos() - lgNanos0) / 1e9 / seconds);
      if (pid != null && srvTicks0 >= 0) {
        double srvSeconds = (serverTicks() - srvTicks0) / TICKS_PER_S;
        s += " srv_cpu=" + fmt(srvSeconds / seconds) + (ops > 0 ? " srv_us_per_op=" + fmt(srvSeconds * 1e6 / ops) : "");
      }
      return s;
    }

    long rssKb() {
      if (pid == null) {
        return -1;
      }
      try {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | NumberFormatException e) {
        log("cannot read the RSS of " + pid + ": " + e);
      }
      return -1;
    }

    private long serverTicks() {
      if (pid == null) {
        return -1;
      }
      try {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (fields 14 and 15)
      } catch (IOException | RuntimeException e) {
        log("cannot read the CPU of " + pid + ": " + e);
        return -1;
      }
    }

    private static long ownNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }
  }

  // ---------------------------------------------------------------------------------------------- options

  private String opt(String name, String dflt) {
    return opts.getOrDefault(name, dflt);
  }

  private int num(String name, int dflt) {
    return Integer.parseInt(opt(name, String.valueOf(dflt)));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
  }

  private static void log(String s) {
    System.err.println(s);
  }
}
