package dev.sio4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sio4j.redis.RedisAdapter;
import dev.sio4j.redis.RedisAdapterFactory;
import dev.sio4j.socket.SocketIoServer;
import io.lettuce.core.RedisClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** {@link SocketIoRedisAutoConfiguration} against a real redis-server (started on a free port, no persistence). */
class SocketIoRedisAutoConfigurationTest {

  private static Process redis;
  private static int port;

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SocketIoAutoConfiguration.class, SocketIoRedisAutoConfiguration.class));

  @BeforeAll
  static void startRedis() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no").redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(redis.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      if (line.contains("Ready to accept connections")) {
        return;
      }
    }
    throw new IllegalStateException("redis-server did not start (apt-get install redis-server)");
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.destroy();
    }
  }

  @Test
  void redisUriMakesEveryNamespaceUseTheRedisAdapter() {
    web.withPropertyValues("sio4j.redis.uri=redis://127.0.0.1:" + port, "sio4j.redis.key=boot-test").run(context -> {
      assertThat(context).hasSingleBean(RedisClient.class).hasSingleBean(RedisAdapterFactory.class);
      SocketIoServer io = context.getBean(SocketIoServer.class);
      assertThat(io.of("/chat").adapter()).isInstanceOf(RedisAdapter.class);
    });
  }

  @Test
  void withoutUriTheInMemoryAdapterStays() {
    web.run(context -> {
      assertThat(context).doesNotHaveBean(RedisAdapterFactory.class).doesNotHaveBean(RedisClient.class);
      assertThat(context.getBean(SocketIoServer.class).of("/").adapter()).isNotInstanceOf(RedisAdapter.class);
    });
  }

  @Test
  void disabledStarterStartsNoRedisClient() {
    web.withPropertyValues("sio4j.enabled=false", "sio4j.redis.uri=redis://127.0.0.1:" + port)
        .run(context -> assertThat(context).doesNotHaveBean(RedisClient.class));
  }
}
