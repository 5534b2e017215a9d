package dev.sio4j.spring.boot;

import dev.sio4j.redis.RedisAdapterFactory;
import dev.sio4j.redis.RedisAdapterOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Several nodes through Redis: with {@code sio4j-redis-adapter} (and Lettuce) on the class path and
 * {@code sio4j.redis.uri} set, every namespace of the {@code SocketIoServer} bean uses the Redis adapter, wire
 * compatible with Node's {@code @socket.io/redis-adapter}. The Lettuce {@link RedisClient} is a bean the application
 * can replace (TLS, sentinel, its own client resources); so is the {@link RedisAdapterFactory}. Both are closed with
 * the context, after the server (Spring destroys dependents first).
 */
@AutoConfiguration(before = SocketIoAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({RedisAdapterFactory.class, RedisClient.class})
@ConditionalOnProperty(prefix = "sio4j", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnExpression("'${sio4j.redis.uri:}' != ''")
@EnableConfigurationProperties(Sio4jProperties.class)
public class SocketIoRedisAutoConfiguration {

  /** The Lettuce client of {@code sio4j.redis.uri}, with the adapter's recommended options. */
  @Bean(destroyMethod = "shutdown")
  @ConditionalOnMissingBean(name = "sio4jRedisClient")
  public RedisClient sio4jRedisClient(Sio4jProperties properties) {
    RedisClient client = RedisClient.create(RedisURI.create(properties.redis().uri()));
    client.setOptions(RedisAdapterFactory.defaultClientOptions(adapterOptions(properties).requestsTimeout()));
    return client;
  }

  /** The adapter factory on that client; connects when the context starts (fails the start if Redis is away). */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public RedisAdapterFactory sio4jRedisAdapterFactory(RedisClient sio4jRedisClient, Sio4jProperties properties) {
    return RedisAdapterFactory.create(sio4jRedisClient, adapterOptions(properties));
  }

  /** Makes the server's namespaces use the factory. */
  @Bean
  public SocketIoOptionsCustomizer sio4jRedisAdapter(RedisAdapterFactory factory) {
    return (engine, socketIo) -> socketIo.adapterFactory(factory);
  }

  static RedisAdapterOptions adapterOptions(Sio4jProperties properties) {
    RedisAdapterOptions.Builder b = RedisAdapterOptions.builder();
    Sio4jProperties.Redis redis = properties.redis();
    if (redis.key() != null) {
      b.key(redis.key());
    }
    if (redis.requestsTimeout() != null) {
      b.requestsTimeout(redis.requestsTimeout());
    }
    return b.build();
  }
}
