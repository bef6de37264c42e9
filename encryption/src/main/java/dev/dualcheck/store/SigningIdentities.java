package dev.dualcheck.store;

import dev.dualcheck.crypto.Aead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The clinic's signing identity as the store keeps it (sealed in the metadata): its encoding, and
 * reading one from a PKCS#12 file.
 */
final class SigningIdentities {
  private SigningIdentities() {}

  /** The first key entry of a PKCS#12 file with its certificate chain. */
  static SigningIdentity readPkcs12(Path p12, char[] password) throws IOException {
    SigningIdentity identity;
    try (InputStream in = Files.newInputStream(p12)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, password);
      identity = null;
      for (String alias : Collections.list(keyStore.aliases())) {
        if (keyStore.isKeyEntry(alias)) {
          Key key = keyStore.getKey(alias, password);
          Certificate[] chain = keyStore.getCertificateChain(alias);
          if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
              certificates.add((X509Certificate) certificate);
            }
            identity = new SigningIdentity(privateKey, certificates);
            break;
          }
        }
      }
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IOException(p12.getFileName() + ": not a readable PKCS#12 signing identity", e);
    }
    if (identity == null) {
      throw new IOException(p12.getFileName() + ": holds no private key with a certificate");
    }
    return identity;
  }

  static byte[] encode(SigningIdentity identity) throws IOException {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(identity.key().getAlgorithm());
      byte[] key = identity.key().getEncoded();
      out.writeInt(key.length);
      out.write(key);
      Aead.wipe(key);
      out.writeInt(identity.chain().size());
      for (X509Certificate certificate : identity.chain()) {
        byte[] der = certificate.getEncoded();
        out.writeInt(der.length);
        out.write(der);
      }
      return bytes.toByteArray();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encode the signing identity", e);
    }
  }

  static SigningIdentity decode(byte[] encoded) throws IOException {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
      String algorithm = in.readUTF();
      byte[] key = in.readNBytes(in.readInt());
      PrivateKey privateKey =
          KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(key));
      Aead.wipe(key);
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      int count = in.readInt();
      List<X509Certificate> chain = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] der = in.readNBytes(in.readInt());
        chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      }
      return new SigningIdentity(privateKey, chain);
    } catch (GeneralSecurityException e) {
      throw new IntegrityException("store integrity check failed: signing identity");
    }
  }
}
