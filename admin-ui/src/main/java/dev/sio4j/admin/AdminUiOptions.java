package dev.sio4j.admin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The options of {@link AdminUi#instrument} (Node's {@code instrument(io, options)} of {@code @socket.io/admin-ui}).
 * Immutable.
 *
 * <pre>{@code
 * AdminUiOptions.builder().basicAuth("admin", "$2a$10$...").mode(AdminUiOptions.Mode.PRODUCTION).build();
 * }</pre>
 *
 * @param namespaceName the admin namespace; default {@code "/admin"}
 * @param username the basic-auth user name, {@code null} when authentication is off
 * @param passwordHash the bcrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$}), {@code null} when
 *     authentication is off
 * @param readonly whether the UI's actions (emit, join, leave, disconnect) are refused; default {@code false}
 * @param serverId the server's id shown by the UI; default the host name
 * @param mode {@link Mode#DEVELOPMENT} (default, Node's default without {@code NODE_ENV}) sends every socket and event;
 *     {@link Mode#PRODUCTION} only the aggregated server stats
 */
public record AdminUiOptions(
    String namespaceName, String username, String passwordHash, boolean readonly, String serverId, Mode mode) {

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

  /** What the UI is sent (Node's {@code mode}). */
  public enum Mode {
    /** Every socket, room change and event. */
    DEVELOPMENT,
    /** Only the aggregated server stats. */
    PRODUCTION
  }

  /** Validates: as in Node, a password that is not a bcrypt hash is refused at start-up. */
  public AdminUiOptions {
    Objects.requireNonNull(namespaceName, "namespaceName");
    Objects.requireNonNull(mode, "mode");
    if ((username == null) != (passwordHash == null)) {
      throw new IllegalArgumentException("basic auth needs both a username and a password hash");
    }
    if (passwordHash != null && !BCRYPT.matcher(passwordHash).matches()) {
      throw new IllegalArgumentException("the `password` field must be a valid bcrypt hash");
    }
  }

  /** Whether basic authentication is on. */
  public boolean authenticates() {
    return username != null;
  }

  /** A builder. Node requires {@code auth} to be set explicitly: call {@link Builder#basicAuth} or {@link Builder#noAuth}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AdminUiOptions}. Not thread safe. */
  public static final class Builder {
    private String namespaceName = "/admin";
    private String username;
    private String passwordHash;
    private boolean authChosen;
    private boolean readonly;
    private String serverId;
    private Mode mode = Mode.DEVELOPMENT;

    private Builder() {}

    /** The admin namespace (default {@code "/admin"}). */
    public Builder namespaceName(String name) {
      this.namespaceName = name.startsWith("/") ? name : "/" + name;
      return this;
    }

    /** Basic authentication with a bcrypt-hashed password (Node's {@code auth: {type: "basic", ...}}). */
    public Builder basicAuth(String username, String bcryptHash) {
      this.username = Objects.requireNonNull(username, "username");
      this.passwordHash = Objects.requireNonNull(bcryptHash, "bcryptHash");
      this.authChosen = true;
      return this;
    }

    /** No authentication (Node's {@code auth: false}): anyone reaching the server can use the UI. */
    public Builder noAuth() {
      this.username = null;
      this.passwordHash = null;
      this.authChosen = true;
      return this;
    }

    /** Refuses the UI's actions (default {@code false}). */
    public Builder readonly(boolean readonly) {
      this.readonly = readonly;
      return this;
    }

    /** The server's id (default the host name). */
    public Builder serverId(String serverId) {
      this.serverId = serverId;
      return this;
    }

    /** Development (default) or production mode. */
    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    /** The options; fails as Node does when no {@code auth} choice was made. */
    public AdminUiOptions build() {
      if (!authChosen) {
        throw new IllegalStateException("the `auth` option must be specified or explicitly set to `false`");
      }
      return new AdminUiOptions(namespaceName, username, passwordHash, readonly, serverId, mode);
    }
  }
}
