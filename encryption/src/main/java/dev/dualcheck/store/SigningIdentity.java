package dev.dualcheck.store;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The clinic's signing key and its certificate chain, signer first. */
public record SigningIdentity(PrivateKey key, List<X509Certificate> chain) {
  public SigningIdentity {
    chain = List.copyOf(chain);
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "SigningIdentity[" + certificate().getSubjectX500Principal().getName() + "]";
  }
}
