package dev.sio4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sio4j.engine.CorsOptions;
import dev.sio4j.engine.EngineOptions;
import dev.sio4j.engine.transport.TransportType;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conditions of {@link SocketIoAutoConfiguration} and the binding of {@code sio4j.*}. */
class SocketIoAutoConfigurationTest {

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SocketIoAutoConfiguration.class));

  @Test
  void servletApplicationGetsServerOptionsInitializerAndLifecycle() {
    web.run(context -> {
      assertThat(context).hasSingleBean(SocketIoServer.class).hasSingleBean(SocketIoOptions.class)
          .hasSingleBean(SocketIoServerLifecycle.class).hasSingleBean(SocketIoEndpointScanner.class);
      assertThat(context.getBeansOfType(ServletContextInitializer.class).values())
          .hasAtLeastOneElementOfType(SocketIoServletInitializer.class);
      EngineOptions engine = context.getBean(SocketIoServer.class).engine().options();
      assertThat(engine.path()).isEqualTo("/socket.io/");
      assertThat(engine.pingInterval()).isEqualTo(EngineOptions.defaults().pingInterval());
    });
  }

  @Test
  void disabledLeavesTheApplicationUntouched() {
    web.withPropertyValues("sio4j.enabled=false").run(context -> {
      assertThat(context).doesNotHaveBean(SocketIoServer.class).doesNotHaveBean(SocketIoOptions.class)
          .doesNotHaveBean(SocketIoServletInitializer.class).doesNotHaveBean(SocketIoEndpointScanner.class)
          .doesNotHaveBean(Sio4jProperties.class);
    });
  }

  @Test
  void offOutsideServletWebApplications() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SocketIoAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(SocketIoServer.class));
  }

  @Test
  void offWithoutTheServletTransport() {
    web.withClassLoader(new FilteredClassLoader("dev.sio4j.servlet"))
        .run(context -> assertThat(context).doesNotHaveBean(SocketIoServer.class));
  }

  @Test
  void backsOffForTheApplicationsOwnServer() {
    web.withUserConfiguration(OwnServer.class).run(context -> {
      assertThat(context).hasSingleBean(SocketIoServer.class);
      assertThat(context.getBean(SocketIoServer.class)).isSameAs(OwnServer.SERVER);
    });
  }

  @Test
  void bindsEveryKindOfPropertyWithRelaxedNamesAndBootSyntax() {
    web.withPropertyValues(
        "sio4j.path=/rt/",
        "sio4j.ping-interval=10s",
        "sio4j.pingTimeout=5000",
        "sio4j.upgrade-timeout=PT3S",
        "sio4j.max-http-buffer-size=2MB",
        "sio4j.max-buffered-bytes=4096",
        "sio4j.max-buffered-packets=50",
        "sio4j.max-sessions=7",
        "sio4j.http-compression-threshold=-1",
        "sio4j.max-handshakes-per-address=9",
        "sio4j.handshake-window=2m",
        "sio4j.max-sessions-per-address=3",
        "sio4j.max-tracked-addresses=1000",
        "sio4j.max-inbound-packets-per-second=100",
        "sio4j.inbound-packet-burst=200",
        "sio4j.transports=websocket",
        "sio4j.allow-upgrades=false",
        "sio4j.allow-eio3=true",
        "sio4j.per-message-deflate=true",
        "sio4j.cookie=sid",
        "sio4j.cors.origins=https://a.example,https://b.example",
        "sio4j.cors.credentials=true",
        "sio4j.cors.allowed-headers=x-token",
        "sio4j.cors.max-age=1h",
        "sio4j.connect-timeout=20s",
        "sio4j.max-attachments=3",
        "sio4j.max-pending-acks=11",
        "sio4j.cleanup-empty-child-namespaces=true").run(context -> {
          SocketIoOptions options = context.getBean(SocketIoOptions.class);
          EngineOptions e = options.engine();
          assertThat(e.path()).isEqualTo("/rt/");
          assertThat(e.pingInterval()).isEqualTo(Duration.ofSeconds(10));
          assertThat(e.pingTimeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(e.upgradeTimeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(e.maxHttpBufferSize()).isEqualTo(2L * 1024 * 1024);
          assertThat(e.maxBufferedBytes()).isEqualTo(4096);
          assertThat(e.maxBufferedPackets()).isEqualTo(50);
          assertThat(e.maxSessions()).isEqualTo(7);
          assertThat(e.httpCompressionThreshold()).isEqualTo(-1);
          assertThat(e.maxHandshakesPerAddress()).isEqualTo(9);
          assertThat(e.handshakeWindow()).isEqualTo(Duration.ofMinutes(2));
          assertThat(e.maxSessionsPerAddress()).isEqualTo(3);
          assertThat(e.maxTrackedAddresses()).isEqualTo(1000);
          assertThat(e.maxInboundPacketsPerSecond()).isEqualTo(100);
          assertThat(e.inboundPacketBurst()).isEqualTo(200);
          assertThat(e.transports()).isEqualTo(Set.of(TransportType.WEBSOCKET));
          assertThat(e.allowUpgrades()).isFalse();
          assertThat(e.allowEIO3()).isTrue();
          assertThat(e.perMessageDeflate()).isTrue();
          assertThat(e.cookie().name()).isEqualTo("sid");
          assertThat(e.cors()).isEqualTo(new CorsOptions(List.of("https://a.example", "https://b.example"), true,
              List.of("x-token"), Duration.ofHours(1)));
          assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
          assertThat(options.maxAttachments()).isEqualTo(3);
          assertThat(options.maxPendingAcks()).isEqualTo(11);
          assertThat(options.cleanupEmptyChildNamespaces()).isTrue();
        });
  }

  @Test
  void anOriginPatternAloneTurnsCorsOnForTheOriginsItMatches() {
    web.withPropertyValues("sio4j.cors.origin-pattern=https://[a-z]+\\.example", "sio4j.cors.credentials=true")
        .run(context -> {
          EngineOptions e = context.getBean(SocketIoOptions.class).engine();
          assertThat(e.cors().allows("https://app.example")).isTrue();
          assertThat(e.cors().allows("https://app.example.evil")).isFalse();
          assertThat(e.cors().credentials()).isTrue();
        });
  }

  @Test
  void unsetPropertiesKeepNodesDefaults() {
    web.run(context -> {
      SocketIoOptions options = context.getBean(SocketIoOptions.class);
      SocketIoOptions defaults = SocketIoOptions.builder()
          .engine(EngineOptions.builder().path("/socket.io/").build()).build();
      assertThat(options.engine()).isEqualTo(defaults.engine());
      assertThat(options.connectTimeout()).isEqualTo(defaults.connectTimeout());
      assertThat(options.maxPendingAcks()).isEqualTo(defaults.maxPendingAcks());
    });
  }

  @Test
  void customizersChangeTheOptionsAfterTheProperties() {
    web.withPropertyValues("sio4j.ping-interval=10s").withUserConfiguration(Customized.class).run(context -> {
      SocketIoOptions options = context.getBean(SocketIoOptions.class);
      assertThat(options.engine().pingInterval()).isEqualTo(Duration.ofSeconds(10));
      assertThat(options.engine().maxSessions()).isEqualTo(42);
      assertThat(options.maxAttachments()).isEqualTo(2);
    });
  }

  @Test
  void cookieTrueIsNodesIoCookieAndFalseIsNone() {
    assertThat(PropertiesOptions.cookie("true").name()).isEqualTo("io");
    assertThat(PropertiesOptions.cookie("false")).isNull();
    assertThat(PropertiesOptions.cookie(null)).isNull();
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnServer {
    static final SocketIoServer SERVER = new SocketIoServer();

    @Bean
    SocketIoServer mine() {
      return SERVER;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Customized {
    @Bean
    SocketIoOptionsCustomizer limits() {
      return (engine, socketIo) -> {
        engine.maxSessions(42);
        socketIo.maxAttachments(2);
      };
    }
  }
}
