package dev.sio4j.servlet;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.transport.HttpResponse;
import dev.sio4j.engine.transport.PollingExchange;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link PollingExchange} over a started {@link AsyncContext}, with Servlet non-blocking I/O: the body is read by a
 * {@link ReadListener} and the response written by a {@link WriteListener}, so no container thread ever waits on the
 * network. A small response (see {@link #directWriteLimit}) is copied into the container's response buffer from the
 * calling thread instead, and sent by the container when the exchange completes.
 *
 * <p>Thread safe: {@link #respond} and {@link #onAbort} may be called from any thread; the read callback runs on a
 * container thread. The exchange ends exactly once: by a completed response, or by an abort (client gone, container
 * error or timeout), whichever comes first.
 */
final class ServletPollingExchange implements PollingExchange {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.servlet");
  private static final int CHUNK = 8192;
  /** Upper bound of {@link #directWriteLimit}; an ack or a few small packets, the usual poll answer. */
  static final int DIRECT_WRITE_MAX = 2048;

  private final AsyncContext async;
  private final EngineRequest request;
  /** Set once {@link #respond} was called: later calls are no-ops. */
  private final AtomicBoolean responded = new AtomicBoolean();
  /** Set once the exchange ended (completed or aborted). */
  private final AtomicBoolean ended = new AtomicBoolean();
  /** Set once the client went away; guards the abort callback. */
  private final AtomicBoolean aborted = new AtomicBoolean();
  private final AtomicBoolean abortReported = new AtomicBoolean();
  private volatile Runnable abortCallback;
  /** The body being read, or null; {@link #respond} ends it (a timeout or a closed session answers mid-body). */
  private volatile BodyReader reader;

  ServletPollingExchange(AsyncContext async, EngineRequest request) {
    this.async = async;
    this.request = request;
    async.addListener(new Lifecycle());
  }

  @Override
  public EngineRequest request() {
    return request;
  }

  @Override
  public void readBody(long maxBytes, BodyCallback callback) {
    HttpServletRequest req = (HttpServletRequest) async.getRequest();
    long declared = req.getContentLengthLong();
    if (declared > maxBytes) {
      // Known too large before reading a byte: say so without touching the body.
      callback.onTooLarge();
      return;
    }
    try {
      ServletInputStream in = req.getInputStream();
      BodyReader r = new BodyReader(in, maxBytes, declared, callback);
      reader = r;
      in.setReadListener(r);
    } catch (IOException | RuntimeException e) {
      callback.onError(e);
    }
  }

  @Override
  public void respond(HttpResponse response) {
    if (!responded.compareAndSet(false, true) || aborted.get()) {
      return;
    }
    BodyReader r = reader;
    if (r != null) {
      r.cancel(); // answered before the whole body came: drop what was buffered, read no more
    }
    try {
      HttpServletResponse res = (HttpServletResponse) async.getResponse();
      res.setStatus(response.status());
      for (Map.Entry<String, String> h : response.headers().entrySet()) {
        res.setHeader(h.getKey(), h.getValue());
      }
      byte[] body = response.body();
      if (body.length == 0) {
        res.setContentLength(0);
        complete();
        return;
      }
      ServletOutputStream out = res.getOutputStream();
      if (body.length <= directWriteLimit(res)) {
        // Fits the container's response buffer: write() only copies into it (no I/O, nothing to wait for), and
        // complete() lets the container send it asynchronously. This saves the WriteListener's dispatch to another
        // container thread. Content-Length is set after the write on purpose: Jetty treats a write that reaches a
        // declared length as the last one and sends it at once, blocking.
        out.write(body);
        res.setContentLength(body.length);
        complete();
        return;
      }
      res.setContentLength(body.length);
      out.setWriteListener(new BodyWriter(out, body));
    } catch (IOException | RuntimeException e) {
      // The container already ended the request (client gone): nothing left to answer.
      LOG.log(Level.DEBUG, () -> "cannot respond to " + request.path() + ": " + e);
      abort();
    }
  }

  /**
   * The largest body written without a {@link WriteListener}: well below the response buffer, so that write() only
   * buffers on every container (Jetty aggregates writes up to its output aggregation size, by default a quarter of
   * the buffer; Tomcat flushes, blocking, once its buffer is full).
   */
  static int directWriteLimit(HttpServletResponse res) {
    return Math.min(DIRECT_WRITE_MAX, res.getBufferSize() / 4);
  }

  @Override
  public void onAbort(Runnable callback) {
    abortCallback = callback;
    if (aborted.get()) {
      fireAbort();
    }
  }

  private void abort() {
    if (aborted.compareAndSet(false, true)) {
      fireAbort();
      complete();
    }
  }

  private void fireAbort() {
    Runnable cb = abortCallback;
    if (cb != null && abortReported.compareAndSet(false, true)) {
      try {
        cb.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "abort callback failed", e);
      }
    }
  }

  private void complete() {
    if (ended.compareAndSet(false, true)) {
      try {
        async.complete();
      } catch (IllegalStateException e) {
        LOG.log(Level.DEBUG, () -> "async context already completed: " + e.getMessage());
      }
    }
  }

  /**
   * The container's view of the exchange's end. A nested class rather than {@code this}: WildFly treats every
   * {@code AsyncListener} implementation as an EE component and warns about one without a no-arg constructor.
   */
  private final class Lifecycle implements AsyncListener {

    @Override
    public void onComplete(AsyncEvent event) {
      ended.set(true);
      if (!responded.get()) {
        // Completed by the container without our answer (e.g. shutdown): the engine must forget this exchange.
        aborted.set(true);
        fireAbort();
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      LOG.log(Level.DEBUG, () -> "async timeout on " + request.path());
      abort();
    }

    @Override
    public void onError(AsyncEvent event) {
      LOG.log(Level.DEBUG, () -> "async error on " + request.path() + ": " + event.getThrowable());
      abort();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }

  /**
   * Reads the body chunk by chunk as the container says data is available; drops it once over the limit. Memory grows
   * with the bytes that arrived, never with the declared {@code Content-Length}: a client may declare a megabyte and
   * send four bytes. Its methods are synchronized because {@link #cancel} comes from another thread (a timer).
   */
  private final class BodyReader implements ReadListener {
    private final ServletInputStream in;
    private final long maxBytes;
    private final BodyCallback callback;
    private final int chunkSize;
    private byte[] chunk;
    private ByteArrayOutputStream buffer;
    private boolean done;

    BodyReader(ServletInputStream in, long maxBytes, long declared, BodyCallback callback) {
      this.in = in;
      this.maxBytes = maxBytes;
      this.callback = callback;
      // A small POST (the usual 40-byte message) reads in one piece of its declared size; a large declared size gets
      // no more than one chunk up front, the buffer grows as bytes come.
      this.chunkSize = declared > 0 && declared < CHUNK ? (int) declared : CHUNK;
      this.buffer = new ByteArrayOutputStream(declared >= 0 ? chunkSize : (int) Math.min(maxBytes, 256));
    }

    @Override
    public synchronized void onDataAvailable() throws IOException {
      while (!done && in.isReady() && !in.isFinished()) {
        if (chunk == null) {
          chunk = new byte[chunkSize]; // allocated once the first bytes are there, not for a connection that waits
        }
        int n = in.read(chunk);
        if (n < 0) {
          return; // onAllDataRead follows
        }
        if ((long) buffer.size() + n > maxBytes) {
          // Stop at once: the rest is never read into memory; the engine answers 413.
          release();
          callback.onTooLarge();
          return;
        }
        buffer.write(chunk, 0, n);
      }
    }

    @Override
    public void onAllDataRead() {
      byte[] body;
      synchronized (this) {
        if (done) {
          return;
        }
        body = buffer.toByteArray();
        release();
      }
      callback.onBody(body);
    }

    @Override
    public void onError(Throwable t) {
      boolean report;
      synchronized (this) {
        report = !done;
        release();
      }
      if (report) {
        callback.onError(t);
      }
      abort();
    }

    /** Ends the read without a callback: the engine already answered. */
    synchronized void cancel() {
      release();
    }

    private void release() {
      done = true;
      buffer = null;
      chunk = null;
      reader = null;
    }
  }

  /** Writes the whole body once the container accepts output, then completes the exchange. */
  private final class BodyWriter implements WriteListener {
    private final ServletOutputStream out;
    private byte[] body;

    BodyWriter(ServletOutputStream out, byte[] body) {
      this.out = out;
      this.body = body;
    }

    @Override
    public void onWritePossible() throws IOException {
      if (body != null) {
        byte[] b = body;
        body = null;
        out.write(b); // the container keeps what does not fit and reports isReady() == false
      }
      if (out.isReady()) {
        complete();
      }
    }

    @Override
    public void onError(Throwable t) {
      LOG.log(Level.DEBUG, () -> "write failed on " + request.path() + ": " + t);
      abort();
    }
  }
}
