package dev.sio4j.it.containers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sample WAR in a real Apache Tomcat 10.1 distribution (unpacked by the build), run as a separate JVM through
 * {@code Bootstrap} (no scripts) with its own {@code CATALINA_BASE} under {@code target/containers/tomcat-base}:
 * HTTP connector on 127.0.0.1 and a free port, no shutdown port (SIGTERM stops it), exit on init failure.
 * Tomcat's logs stay in {@code tomcat-base/logs}.
 */
final class TomcatDist implements SampleApp {

  private final ContainerProcess process;
  private final URI url;

  private TomcatDist(ContainerProcess process, URI url) {
    this.process = process;
    this.url = url;
  }

  static SampleApp start() throws Exception {
    Path home = Path.of(System.getProperty("sio4j.it.tomcat.home", "target/containers/apache-tomcat-10.1.59"))
        .toAbsolutePath();
    if (!Files.isRegularFile(home.resolve("bin/bootstrap.jar"))) {
      throw new IllegalStateException("no Tomcat at " + home + ": run the build (pre-integration-test unpacks it)");
    }
    Path base = Layout.containers().resolve("tomcat-base");
    Layout.deleteTree(base);
    for (String d : List.of("logs", "temp", "webapps", "work", "conf")) {
      Files.createDirectories(base.resolve(d));
    }
    try (var conf = Files.list(home.resolve("conf"))) {
      for (Path f : conf.filter(Files::isRegularFile).toList()) {
        Files.copy(f, base.resolve("conf").resolve(f.getFileName()));
      }
    }
    Path serverXml = base.resolve("conf/server.xml");
    String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
    String patched = xml.replace("<Server port=\"8005\"", "<Server port=\"-1\"")
        .replace("<Connector port=\"8080\" protocol=\"HTTP/1.1\"",
            "<Connector port=\"${tomcat.http.port}\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"");
    if (patched.equals(xml) || !patched.contains("${tomcat.http.port}")) {
      throw new IllegalStateException("unexpected " + home.resolve("conf/server.xml") + ": cannot patch it");
    }
    Files.writeString(serverXml, patched, StandardCharsets.UTF_8);
    Files.copy(Layout.war(), base.resolve("webapps").resolve(Layout.war().getFileName()));

    int port = Layout.freePort();
    List<String> command = List.of(Layout.java(),
        "-Dcatalina.home=" + home, "-Dcatalina.base=" + base, "-Djava.io.tmpdir=" + base.resolve("temp"),
        "-Dtomcat.http.port=" + port, "-Dorg.apache.catalina.startup.EXIT_ON_INIT_FAILURE=true",
        "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
        "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
        "-Xms64m", "-Xmx512m",
        // what catalina.sh adds on Java 9+, for Tomcat's memory-leak protection at undeploy
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
        "-cp", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
        "org.apache.catalina.startup.Bootstrap", "start");
    URI url = URI.create("http://127.0.0.1:" + port + Layout.CONTEXT_PATH + "/");
    ContainerProcess process =
        ContainerProcess.start("Tomcat", command, Map.of(), base, base.resolve("logs/console.log"));
    try {
      Path console = process.log();
      Duration took = process.awaitOk(url, Duration.ofSeconds(90), () -> ContainerProcess.lineWith(console,
          "Error deploying web application", "startup failed due to previous errors",
          "One or more listeners failed to start"));
      Timings.record("Tomcat 10.1 dist", took.toNanos());
    } catch (Exception | Error e) {
      process.close();
      throw e;
    }
    return new TomcatDist(process, url);
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public void close() throws Exception {
    process.close();
  }
}
