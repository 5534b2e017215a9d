package dev.sio4j.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NodeDateTextTest {

  @Test
  void writesWhatNodesDateToStringWrites() {
    // node -e 'process.env.TZ="UTC"; console.log(new Date(Date.UTC(2026,11,2,1,13,13)).toString())'
    assertEquals("Wed Dec 02 2026 01:13:13 GMT+0000 (Coordinated Universal Time)",
        NodeDateText.format(Instant.parse("2026-12-02T01:13:13Z"), ZoneId.of("UTC")));
    // TZ=Europe/Paris: Tue Jul 07 2026 14:05:09 GMT+0200 (Central European Summer Time)
    assertEquals("Tue Jul 07 2026 14:05:09 GMT+0200 (Central European Summer Time)",
        NodeDateText.format(Instant.parse("2026-07-07T12:05:09Z"), ZoneId.of("Europe/Paris")));
  }
}
