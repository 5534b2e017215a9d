package dev.sio4j.boot.it.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;

/** Event data through the application's Jackson {@code ObjectMapper}: a record with {@code @JsonProperty} names. */
@SocketIoEndpoint("/profiles")
public class ProfileEndpoint {

  /** Read from and written as {@code {"first_name":..., "last_name":..., "age":...}}. */
  public record Profile(@JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName,
      int age) {}

  /** Acks the profile a year older, names in capitals. */
  @OnEvent("birthday")
  public Profile birthday(Profile p) {
    return new Profile(p.firstName().toUpperCase(), p.lastName().toUpperCase(), p.age() + 1);
  }
}
