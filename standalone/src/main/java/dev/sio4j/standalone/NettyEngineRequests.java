package dev.sio4j.standalone;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.transport.HeaderNames;
import dev.sio4j.engine.transport.QueryStrings;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Builds the container-neutral {@link EngineRequest} from a Netty request. */
final class NettyEngineRequests {

  /** {@link EngineRequest#attributes()} key of the Netty {@link Channel} the request came on. */
  static final String CHANNEL = StandaloneServer.ATTRIBUTE_CHANNEL;

  private NettyEngineRequests() {}

  static EngineRequest from(HttpRequest request, Channel channel) {
    String uri = request.uri();
    int q = uri.indexOf('?');
    String query = q < 0 ? null : uri.substring(q + 1);
    return new EngineRequest(request.method().name(), uri, QueryStrings.parse(query), headers(request),
        remoteAddress(channel.remoteAddress()), channel.pipeline().get(SslHandler.class) != null,
        Map.of(CHANNEL, channel));
  }

  /** The path of a request URI, without its query. */
  static String path(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }

  static String remoteAddress(SocketAddress address) {
    if (address instanceof InetSocketAddress isa) {
      return isa.getAddress() != null ? isa.getAddress().getHostAddress() : isa.getHostString();
    }
    return address == null ? "" : address.toString();
  }

  /** Lower-case names (well-known ones shared, see {@link HeaderNames}), immutable value lists. */
  private static Map<String, List<String>> headers(HttpRequest request) {
    Map<String, List<String>> headers = new HashMap<>();
    Iterator<Map.Entry<String, String>> it = request.headers().iteratorAsString();
    while (it.hasNext()) {
      Map.Entry<String, String> h = it.next();
      String name = HeaderNames.lowerCase(h.getKey());
      List<String> values = headers.get(name);
      if (values == null) {
        headers.put(name, List.of(h.getValue())); // the usual case: one value
      } else {
        List<String> more = new ArrayList<>(values);
        more.add(h.getValue());
        headers.put(name, List.copyOf(more));
      }
    }
    return Map.copyOf(headers);
  }
}
