package dev.sio4j.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** gzip/deflate of polling responses (Node's {@code httpCompression}), with java.util.zip. Stateless. */
final class HttpCompression {

  private HttpCompression() {}

  /** {@code gzip} or {@code deflate} if the {@code Accept-Encoding} header allows it (gzip preferred), else null. */
  static String choose(String acceptEncoding) {
    if (acceptEncoding == null) {
      return null;
    }
    boolean gzip = false;
    boolean deflate = false;
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.trim().split(";");
      String name = pieces[0].trim().toLowerCase(Locale.ROOT);
      if (qualityZero(pieces)) {
        continue;
      }
      gzip |= name.equals("gzip") || name.equals("*");
      deflate |= name.equals("deflate");
    }
    return gzip ? "gzip" : deflate ? "deflate" : null;
  }

  private static boolean qualityZero(String[] pieces) {
    for (int i = 1; i < pieces.length; i++) {
      String p = pieces[i].trim();
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2)) <= 0;
        } catch (NumberFormatException e) {
          return true;
        }
      }
    }
    return false;
  }

  static byte[] compress(byte[] data, String encoding) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, data.length / 2));
    try (OutputStream out = encoding.equals("gzip") ? new GZIPOutputStream(bytes) : new DeflaterOutputStream(bytes)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    return bytes.toByteArray();
  }
}
