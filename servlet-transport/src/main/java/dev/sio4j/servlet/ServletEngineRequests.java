package dev.sio4j.servlet;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.transport.HeaderNames;
import dev.sio4j.engine.transport.QueryStrings;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the container-neutral {@link EngineRequest} from a servlet request. */
final class ServletEngineRequests {

  /** {@link EngineRequest#attributes()} key of the authenticated {@link Principal}, when there is one. */
  static final String PRINCIPAL = EnginePollingServlet.ATTRIBUTE_PRINCIPAL;

  private ServletEngineRequests() {}

  static EngineRequest from(HttpServletRequest request) {
    String query = request.getQueryString();
    String uri = request.getRequestURI();
    String url = query == null ? uri : uri + '?' + query;
    Principal principal = request.getUserPrincipal();
    Map<String, Object> attributes = principal == null ? Map.of() : Map.of(PRINCIPAL, principal);
    return new EngineRequest(request.getMethod(), url, QueryStrings.parse(query), headers(request),
        request.getRemoteAddr(), request.isSecure(), attributes);
  }

  /**
   * The headers as an immutable map with lower-case names and immutable value lists, the form {@link EngineRequest}
   * keeps as it is (one copy per request instead of two).
   */
  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new HashMap<>();
    Enumeration<String> names = request.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = HeaderNames.lowerCase(names.nextElement());
      if (headers.containsKey(name)) {
        continue; // the same header under another case: getHeaders (case-insensitive) already gave every value
      }
      Enumeration<String> values = request.getHeaders(name);
      if (values == null || !values.hasMoreElements()) {
        headers.put(name, List.of());
        continue;
      }
      String first = values.nextElement();
      if (!values.hasMoreElements()) {
        headers.put(name, List.of(first)); // the usual case
        continue;
      }
      List<String> all = new ArrayList<>(2);
      all.add(first);
      while (values.hasMoreElements()) {
        all.add(values.nextElement());
      }
      headers.put(name, List.copyOf(all));
    }
    return Map.copyOf(headers);
  }
}
