package dev.sio4j.engine.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official Socket.IO browser client, served by the transports at {@code <path>socket.io.js},
 * {@code socket.io.min.js}, {@code socket.io.esm.min.js}, {@code socket.io.msgpack.min.js} and their {@code .map}
 * files (Node's {@code serveClient}), from the class-path folder {@value #RESOURCE_DIR} that the
 * {@code sio4j-client-dist} jar provides. Present only when that jar is on the class path; each transport has its own
 * switch to turn serving off (the servlet's context-param {@code sio4j.serveClient}, the standalone server's builder).
 * Container-neutral, so that every runtime answers these files byte for byte alike.
 *
 * <p>Like Node: {@code Content-Type: application/javascript; charset=utf-8} ({@code application/json} for maps),
 * {@code Cache-Control: public, max-age=0}, {@code ETag: "<client version>"} and 304 when {@code If-None-Match}
 * names it (strong or weak). Resources are resolved once at construction; each file is read at its first request and
 * kept in memory (about 0.6 MB for all of them).
 *
 * <p>Thread safe.
 */
public final class ClientFiles {

  /** Class-path folder of the client files and of {@code client.properties} ({@code version=}). */
  static final String RESOURCE_DIR = "dev/sio4j/client/";

  static final List<String> SCRIPTS =
      List.of("socket.io.js", "socket.io.min.js", "socket.io.esm.min.js", "socket.io.msgpack.min.js");

  private static final System.Logger LOG = System.getLogger("dev.sio4j.engine");
  private static final String JAVASCRIPT = "application/javascript; charset=utf-8";
  private static final String JSON = "application/json; charset=utf-8";

  private final Map<String, URL> files;
  private final String etag;
  private final String weakEtag;
  private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

  private ClientFiles(Map<String, URL> files, String version) {
    this.files = Map.copyOf(files);
    this.etag = '"' + version + '"';
    this.weakEtag = "W/" + etag;
  }

  /**
   * The client files found through {@code loader}, or {@code null} when the client jar is absent.
   *
   * @param loader where to look for {@value #RESOURCE_DIR}
   */
  public static ClientFiles load(ClassLoader loader) {
    URL meta = loader.getResource(RESOURCE_DIR + "client.properties");
    if (meta == null) {
      return null; // sio4j-client-dist is not on the class path: nothing to serve
    }
    Properties props = new Properties();
    try (InputStream in = meta.openStream()) {
      props.load(in);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "sio4j: cannot read " + meta + "; the browser client is not served", e);
      return null;
    }
    Map<String, URL> files = new LinkedHashMap<>();
    for (String script : SCRIPTS) {
      for (String name : List.of(script, script + ".map")) {
        URL url = loader.getResource(RESOURCE_DIR + name);
        if (url != null) {
          files.put(name, url);
        }
      }
    }
    String version = props.getProperty("version", "").trim();
    if (files.isEmpty() || version.isEmpty()) {
      LOG.log(Level.WARNING, "sio4j: " + meta + " has no version or no client files; the browser client is not"
          + " served");
      return null;
    }
    return new ClientFiles(files, version);
  }

  /** The names served (e.g. {@code socket.io.min.js}). */
  public java.util.Set<String> names() {
    return files.keySet();
  }

  /** The ETag of every file: the client version, quoted. */
  public String etag() {
    return etag;
  }

  /**
   * The answer to a request, or {@code null} when it is not for a client file (then the engine handles it).
   *
   * @param method the HTTP method; only {@code GET} is served
   * @param pathInfo the request path below the engine's path, with a leading slash, e.g. {@code /socket.io.min.js}
   * @param ifNoneMatch the {@code If-None-Match} header, or {@code null}
   */
  public HttpResponse answer(String method, String pathInfo, String ifNoneMatch) {
    if (!"GET".equals(method) || pathInfo == null || pathInfo.length() < 2 || pathInfo.charAt(0) != '/') {
      return null;
    }
    String name = pathInfo.substring(1);
    URL url = files.get(name);
    if (url == null) {
      return null;
    }
    if (ifNoneMatch != null && matches(ifNoneMatch)) {
      return new HttpResponse(304, Map.of("ETag", etag, "Cache-Control", "public, max-age=0"), null);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", name.endsWith(".map") ? JSON : JAVASCRIPT);
    headers.put("Cache-Control", "public, max-age=0");
    headers.put("ETag", etag);
    return new HttpResponse(200, headers, bodies.computeIfAbsent(name, n -> read(url)));
  }

  /** Whether an {@code If-None-Match} list names our ETag (strong or weak form) or is {@code *}. */
  private boolean matches(String ifNoneMatch) {
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || c.equals(etag) || c.equals(weakEtag)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] read(URL url) {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }
}
