package dev.dualcheck.cli;

import dev.dualcheck.store.Purpose;
import dev.dualcheck.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens for {@code serve}, one per user, in {@code api-tokens} beside the store: each line
 * is the user's name and an HMAC-SHA256 of the token under the store's lookup key, so the file
 * alone neither reveals a token nor lets anyone forge one. A token is shown once, when made; making
 * a new one replaces the old. Key rotation changes the lookup key and so revokes every token.
 */
final class ApiTokens {

  static final String FILE = "api-tokens";
  private static final String PREFIX = "dct_";
  private static final byte[] LABEL = "dualcheck serve token\0".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;

  ApiTokens(Store store) {
    this.store = store;
  }

  /** Makes a new token for the user (replacing any earlier one) and returns it. */
  String create(String userName) throws IOException {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    List<String> lines = new ArrayList<>();
    for (String line : lines()) {
      if (!line.startsWith(userName + "\t")) {
        lines.add(line);
      }
    }
    lines.add(userName + "\t" + HexFormat.of().formatHex(hash(token)));
    write(lines);
    return token;
  }

  /** The name of the user the token belongs to, if it is one of ours. */
  Optional<String> userOf(String token) throws IOException {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    byte[] hash = hash(token);
    String match = null;
    for (String line : lines()) {
      int tab = line.lastIndexOf('\t');
      if (tab <= 0) {
        continue;
      }
      byte[] stored;
      try {
        stored = HexFormat.of().parseHex(line, tab + 1, line.length());
      } catch (IllegalArgumentException e) {
        continue;
      }
      // compare every line in constant time; keep the first match
      if (MessageDigest.isEqual(stored, hash) && match == null) {
        match = line.substring(0, tab);
      }
    }
    return Optional.ofNullable(match);
  }

  private byte[] hash(String token) {
    byte[] key = store.purposeKey(Purpose.LOOKUP);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(LABEL);
      return mac.doFinal(token.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private Path file() {
    return store.directory().resolve(FILE);
  }

  private List<String> lines() throws IOException {
    Path file = file();
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  private void write(List<String> lines) throws IOException {
    Path file = file();
    Path temp = file.resolveSibling(FILE + ".tmp");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temp);
    }
    Files.write(temp, lines, StandardCharsets.UTF_8);
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
