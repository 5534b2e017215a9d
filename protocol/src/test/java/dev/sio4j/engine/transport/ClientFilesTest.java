package dev.sio4j.engine.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientFilesTest {

  @TempDir
  Path root;

  private ClassLoader loader;

  @BeforeEach
  void writeClientJarContent() throws IOException {
    Path dir = Files.createDirectories(root.resolve(ClientFiles.RESOURCE_DIR));
    Files.writeString(dir.resolve("client.properties"), "version=4.8.4\n");
    for (String script : ClientFiles.SCRIPTS) {
      Files.writeString(dir.resolve(script), "/* " + script + " */");
      Files.writeString(dir.resolve(script + ".map"), "{\"file\":\"" + script + "\"}");
    }
    Files.writeString(dir.resolve("other.txt"), "not served");
    loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
  }

  private ClientFiles load() {
    return ClientFiles.load(loader);
  }

  @Test
  void servesEveryScriptAsJavaScriptWithTheVersionAsETag() {
    ClientFiles files = load();
    assertNotNull(files);
    for (String script : ClientFiles.SCRIPTS) {
      HttpResponse r = files.answer("GET", "/" + script, null);
      assertEquals(200, r.status(), script);
      assertEquals("application/javascript; charset=utf-8", r.headers().get("Content-Type"));
      assertEquals("public, max-age=0", r.headers().get("Cache-Control"));
      assertEquals("\"4.8.4\"", r.headers().get("ETag"));
      assertArrayEquals(("/* " + script + " */").getBytes(UTF_8), r.body());
    }
  }

  @Test
  void servesSourceMapsAsJson() {
    HttpResponse r = load().answer("GET", "/socket.io.min.js.map", null);
    assertEquals(200, r.status());
    assertEquals("application/json; charset=utf-8", r.headers().get("Content-Type"));
    assertEquals("{\"file\":\"socket.io.min.js\"}", new String(r.body(), UTF_8));
  }

  @Test
  void answersNotModifiedToAMatchingIfNoneMatch() {
    ClientFiles files = load();
    for (String etag : Set.of("\"4.8.4\"", "W/\"4.8.4\"", "\"1.0\", \"4.8.4\"", "*")) {
      HttpResponse r = files.answer("GET", "/socket.io.js", etag);
      assertEquals(304, r.status(), etag);
      assertEquals(0, r.body().length);
      assertEquals("\"4.8.4\"", r.headers().get("ETag"));
    }
    assertEquals(200, files.answer("GET", "/socket.io.js", "\"4.8.3\"").status());
  }

  @Test
  void leavesEverythingElseToTheEngine() {
    ClientFiles files = load();
    assertNull(files.answer("GET", "/", null));
    assertNull(files.answer("GET", null, null));
    assertNull(files.answer("GET", "/other.txt", null));
    assertNull(files.answer("GET", "/client.properties", null));
    assertNull(files.answer("GET", "/x/socket.io.js", null));
    assertNull(files.answer("POST", "/socket.io.js", null));
  }

  @Test
  void isAbsentWithoutTheClientJar() {
    assertNull(ClientFiles.load(new URLClassLoader(new URL[0], null)));
  }

  @Test
  void resolvesOnlyTheFilesThatExist() throws IOException {
    Files.delete(root.resolve(ClientFiles.RESOURCE_DIR).resolve("socket.io.msgpack.min.js.map"));
    ClientFiles files = load();
    assertNull(files.answer("GET", "/socket.io.msgpack.min.js.map", null));
    assertEquals(200, files.answer("GET", "/socket.io.msgpack.min.js", null).status());
  }
}
