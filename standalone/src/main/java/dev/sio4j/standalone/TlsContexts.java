package dev.sio4j.standalone;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;

/** Server {@link SslContext}s from the usual key material, with the JDK's TLS (no native library needed). */
final class TlsContexts {

  private TlsContexts() {}

  /** From a PKCS#12 or JKS key store (type from its content); the key has the store's password. */
  static SslContext fromKeyStore(Path keyStore, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance(keyStore.toFile(), password);
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      return SslContextBuilder.forServer(kmf).sslProvider(SslProvider.JDK).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key store " + keyStore, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use key store " + keyStore + ": " + e.getMessage(), e);
    }
  }

  /** From PEM files: the certificate chain and its PKCS#8 private key (unencrypted, or with {@code keyPassword}). */
  static SslContext fromPem(Path certificateChain, Path privateKey, String keyPassword) {
    try {
      return SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile(), keyPassword)
          .sslProvider(SslProvider.JDK).build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot use PEM files " + certificateChain + ", " + privateKey + ": "
          + e.getMessage(), e);
    }
  }
}
