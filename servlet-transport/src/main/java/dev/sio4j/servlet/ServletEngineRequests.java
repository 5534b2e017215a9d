package dev.sio4j.servlet;

import dev.sio4j.engine.EngineRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Collections;
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
    String url = request.getRequestURI() + (query == null ? "" : "?" + query);
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    Map<String, Object> attributes = new HashMap<>(2);
    Principal principal = request.getUserPrincipal();
    if (principal != null) {
      attributes.put(PRINCIPAL, principal);
    }
    return new EngineRequest(request.getMethod(), url, QueryStrings.parse(query), headers, request.getRemoteAddr(),
        request.isSecure(), attributes);
  }
}
