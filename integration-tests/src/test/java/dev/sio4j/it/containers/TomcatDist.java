package dev.sio4j.it.containers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A WAR in a real Apache Tomcat 10.1 distribution (unpacked by the build), run as a separate JVM through
 * {@code Bootstrap} (no scripts) with its own {@code CATALINA_BASE} under {@code target/containers/tomcat-<war>}:
 * HTTP connector on 127.0.0.1 and a free port, no shutdown port (SIGTERM stops it), exit on init failure.
 * Tomcat's logs stay in {@code tomcat-<war>/logs}. It can be stopped and started again on the same port and base
 * ({@link #stop()}, {@link #restart()}), e.g. to watch clients reconnect.
 *
 * <p>Not thread safe: owned by one test class.
 */
final class TomcatDist implements DeployedApp {

  /** What Tomcat logs at undeploy for a thread the application started and left running. */
  static final String THREAD_LEAK = "appears to have started a thread named [";

  private static final String MANAGER_USER = "sio4j-it";
  private static final String MANAGER_PASSWORD = "sio4j-it-" + Long.toHexString(System.nanoTime());
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final War war;
  private final Path base;
  private final List<String> command;
  private final URI url;
  private ContainerProcess process;

  private TomcatDist(War war, Path base, List<String> command, URI url) {
    this.war = war;
    this.base = base;
    this.command = command;
    this.url = url;
  }

  /** Prepares a fresh {@code CATALINA_BASE} holding {@code war}, starts Tomcat and waits until the WAR answers. */
  static TomcatDist start(War war) throws Exception {
    return start(war, false);
  }

  /**
   * Like {@link #start(War)}; with {@code manager}, Tomcat's own manager application (from the distribution) is
   * deployed too, at {@code /manager}, with a user of role {@code manager-script} for {@link #manager(String)}.
   */
  static TomcatDist start(War war, boolean manager) throws Exception {
    return start(war, manager, Path.of(System.getProperty("sio4j.it.tomcat.home",
        "target/containers/apache-tomcat-10.1.59")));
  }

  /** Like {@link #start(War, boolean)} on the distribution at {@code home} (e.g. Tomcat 11 beside the default 10.1). */
  static TomcatDist start(War war, boolean manager, Path distribution) throws Exception {
    Path home = distribution.toAbsolutePath();
    if (!Files.isRegularFile(home.resolve("bin/bootstrap.jar"))) {
      throw new IllegalStateException("no Tomcat at " + home + ": run the build (pre-integration-test unpacks it)");
    }
    Path base = Layout.containers().resolve("tomcat-" + war.name());
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
    Files.copy(war.file(), base.resolve("webapps").resolve(war.file().getFileName()));
    if (manager) {
      Path contexts = Files.createDirectories(base.resolve("conf/Catalina/localhost"));
      // privileged, as in the manager's own META-INF/context.xml (which a context file in conf/ replaces)
      Files.writeString(contexts.resolve("manager.xml"), "<Context docBase=\"" + home.resolve("webapps/manager")
          + "\" privileged=\"true\" antiResourceLocking=\"false\"/>\n", StandardCharsets.UTF_8);
      Files.writeString(base.resolve("conf/tomcat-users.xml"), "<tomcat-users xmlns=\"http://tomcat.apache.org/xml\""
          + " version=\"1.0\">\n  <role rolename=\"manager-script\"/>\n  <user username=\"" + MANAGER_USER
          + "\" password=\"" + MANAGER_PASSWORD + "\" roles=\"manager-script\"/>\n</tomcat-users>\n",
          StandardCharsets.UTF_8);
    }

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
    TomcatDist tomcat = new TomcatDist(war, base, command, war.url(port));
    tomcat.restart();
    return tomcat;
  }

  /** Starts Tomcat (again) on the same base and port, and waits until the WAR answers. */
  void restart() throws Exception {
    if (process != null) {
      throw new IllegalStateException("Tomcat is running");
    }
    // One console log per start, so a restart cannot be satisfied by the previous run's lines.
    int run = 1;
    while (Files.exists(base.resolve("logs/console-" + run + ".log"))) {
      run++;
    }
    ContainerProcess started = ContainerProcess.start("Tomcat", command, Map.of(), base,
        base.resolve("logs/console-" + run + ".log"));
    try {
      Path console = started.log();
      Duration took = started.awaitOk(url.resolve(war.readyPath()), Duration.ofSeconds(90),
          () -> ContainerProcess.lineWith(console, "Error deploying web application",
              "startup failed due to previous errors", "One or more listeners failed to start"));
      Timings.record("Tomcat 10.1 dist, " + war.name() + (run > 1 ? " (restart)" : ""), took.toNanos());
    } catch (Exception | Error e) {
      started.close();
      throw e;
    }
    process = started;
  }

  /** Stops Tomcat (SIGTERM: every context is stopped, so Tomcat runs its leak checks); a no-op when stopped. */
  void stop() throws InterruptedException {
    if (process != null) {
      process.close();
      process = null;
    }
  }

  /** The lines of Tomcat's logs ({@code catalina.*.log} and the console logs) that contain {@code marker}. */
  List<String> logLines(String marker) throws IOException {
    List<String> found = new ArrayList<>();
    try (var logs = Files.list(base.resolve("logs"))) {
      for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList()) {
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
          if (line.contains(marker)) {
            found.add(log.getFileName() + ": " + line);
          }
        }
      }
    }
    return found;
  }

  /**
   * Runs a command of the manager's text interface (e.g. {@code reload?path=/app}, {@code findleaks?statusLine=true})
   * and returns its answer; Tomcat must have been started with the manager.
   */
  String manager(String command) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url.resolve("/manager/text/" + command))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (MANAGER_USER + ":" + MANAGER_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(120))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("manager " + command + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /** The directory of Tomcat's logs. */
  Path logs() {
    return base.resolve("logs");
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
