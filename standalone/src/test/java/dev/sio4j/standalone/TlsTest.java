package dev.sio4j.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.EngineSocketListener;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS and WSS from a PKCS#12 key store and from PEM files, made by the JDK's keytool and by openssl for 127.0.0.1;
 * the client trusts exactly that certificate.
 */
class TlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  Path dir;

  @Test
  void servesPollingAndWebSocketOverTlsFromAKeyStore() throws Exception {
    Path store = dir.resolve("server.p12");
    run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "server",
        "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD));
    KeyStore trust = KeyStore.getInstance(store.toFile(), PASSWORD);
    try (StandaloneServer server = StandaloneServer.builder().serve(echo()).host("127.0.0.1")
        .keyStore(store, PASSWORD).start()) {
      assertServesOverTls(server, trust);
    }
  }

  @Test
  void servesPollingAndWebSocketOverTlsFromPemFiles() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    try (StandaloneServer server = StandaloneServer.builder().serve(echo()).host("127.0.0.1").pem(cert, key).start()) {
      assertServesOverTls(server, trust);
    }
  }

  private static void assertServesOverTls(StandaloneServer server, KeyStore trust) throws Exception {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
    HttpResponse<String> open = client.send(HttpRequest.newBuilder(
        URI.create("https://127.0.0.1:" + server.port() + "/engine.io/?EIO=4&transport=polling")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, open.statusCode());
    assertTrue(open.body().startsWith("0{\"sid\":"), open.body());

    WebSocketRecorder rec = new WebSocketRecorder();
    WebSocket ws = client.newWebSocketBuilder().buildAsync(
        URI.create("wss://127.0.0.1:" + server.port() + "/engine.io/?EIO=4&transport=websocket"), rec)
        .get(10, TimeUnit.SECONDS);
    assertTrue(rec.next().startsWith("0{\"sid\":"));
    ws.sendText("4over tls", true);
    assertEquals("4over tls", rec.next());
    ws.sendClose(1000, "");
  }

  private static EngineServer echo() {
    EngineServer engine = new EngineServer(EngineOptions.defaults());
    engine.onConnection(socket -> socket.addListener(new EngineSocketListener() {
      @Override
      public void onMessage(String text) {
        socket.send(text);
      }
    }));
    return engine;
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    assertEquals(0, p.exitValue(), out);
  }
}
