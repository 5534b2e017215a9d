package dev.sio4j.bench;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling for the polling scenario: the least a servlet must do to serve the load generator's long-polling
 * client, by string slicing and without any library. The handshake GET answers the open packet; a POST is read
 * with a plain blocking read (the body is a few bytes, already there) and answered {@code ok}, its packets
 * answered by {@link BareEchoServer#answer} ({@code 40}, and {@code 42<id>["echo",x]} with {@code 43<id>[x]}); a GET
 * with a session id takes what is queued or parks in async mode until a POST queues something. No heartbeat, no
 * JSON, no CORS, no non-blocking I/O: what is left is the container's cost of the two HTTP exchanges per ack and of
 * resuming a parked request, which sio4j's polling transport pays too.
 *
 * <p>Thread safe: each session's queue and parked poll are guarded by the session.
 */
final class BarePollingServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient Map<String, BareSession<AsyncContext>> sessions = new ConcurrentHashMap<>();

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String sid = req.getParameter("sid");
    if (sid == null) {
      sid = UUID.randomUUID().toString();
      sessions.put(sid, new BareSession<>());
      write(res, BareEchoServer.openPacket(sid));
      return;
    }
    BareSession<AsyncContext> session = sessions.get(sid);
    if (session == null) {
      res.setStatus(400);
      return;
    }
    String body;
    synchronized (session) {
      body = session.take();
      if (body == null) {
        AsyncContext parked = req.startAsync();
        parked.setTimeout(0);
        session.parked = parked;
        return;
      }
    }
    write(res, body);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String sid = String.valueOf(req.getParameter("sid"));
    BareSession<AsyncContext> session = sessions.get(sid);
    if (session == null) {
      res.setStatus(400);
      return;
    }
    String payload = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    AsyncContext parked = null;
    String body = null;
    synchronized (session) {
      session.answer(payload, sid);
      if (session.parked != null && session.hasQueued()) {
        parked = session.parked;
        session.parked = null;
        body = session.take();
      }
    }
    write(res, "ok");
    if (parked != null) {
      write((HttpServletResponse) parked.getResponse(), body);
      parked.complete();
    }
  }

  private static void write(HttpServletResponse res, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    res.setContentType("text/plain; charset=UTF-8");
    res.getOutputStream().write(bytes);
    res.setContentLength(bytes.length);
  }
}
