package dev.dualcheck.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Given-name equivalence by nickname, diminutive and cross-language form, from the table {@code
 * nicknames.txt} beside this class. Each line of the table is a group: a canonical name, a colon,
 * and the names that may stand for it. A name may belong to several groups ("chris" to christopher,
 * christine and christian); two names are equivalent when they share a group. Equivalence is
 * therefore symmetric but deliberately not transitive: Jan is John and Jan is Janet, John is not
 * Janet.
 */
public final class Nicknames {

  static final String RESOURCE = "nicknames.txt";

  private Nicknames() {}

  /**
   * Canonical keys of the groups a folded given name belongs to: "bill" -> {"william"}, "hans" ->
   * {"johannes", "john"}. A canonical name belongs to its own group; a name not in the table is its
   * own single key. Sorted, unmodifiable.
   */
  public static Set<String> groups(String foldedGivenName) {
    Objects.requireNonNull(foldedGivenName, "foldedGivenName");
    Set<String> keys = Holder.TABLE.groups.get(foldedGivenName);
    return keys != null ? keys : Set.of(foldedGivenName);
  }

  /** True when the two folded given names may be the same person's name. */
  public static boolean equivalent(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      return true;
    }
    Set<String> aKeys = groups(a);
    for (String key : groups(b)) {
      if (aKeys.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** Number of distinct names in the table, canonical names and members. */
  public static int size() {
    return Holder.TABLE.groups.size();
  }

  /** Loaded on first use; a broken table is a startup error, not a silent loss of matches. */
  private static final class Holder {
    static final Table TABLE = load();

    private static Table load() {
      try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        return Table.parse(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            RESOURCE);
      } catch (CharacterCodingException e) {
        throw new IllegalStateException(RESOURCE + " is not valid UTF-8", e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }

  /** The parsed table: every name to the sorted keys of its groups. */
  static final class Table {
    final Map<String, Set<String>> groups;
    final List<String> canonicalNames;

    private Table(Map<String, Set<String>> groups, List<String> canonicalNames) {
      this.groups = groups;
      this.canonicalNames = canonicalNames;
    }

    /**
     * Parses and validates the table. Lines are {@code canonical: name, name, ...}; blank lines and
     * lines starting with {@code #} are skipped. Names must already be folded (lower-case ASCII
     * letters), a canonical name may head only one line, and no name may repeat within a line.
     *
     * @throws IllegalArgumentException naming the source and line of the first malformed line
     */
    static Table parse(Reader reader, String source) throws IOException {
      Map<String, Set<String>> building = new HashMap<>();
      Map<String, Integer> headLines = new HashMap<>();
      List<String> heads = new ArrayList<>();
      BufferedReader lines = new BufferedReader(reader);
      int lineNumber = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNumber++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String where = source + " line " + lineNumber;
        int colon = trimmed.indexOf(':');
        if (colon < 0 || trimmed.indexOf(':', colon + 1) >= 0) {
          throw new IllegalArgumentException(where + ": expected 'canonical: name, name, ...'");
        }
        String head = trimmed.substring(0, colon).strip();
        requireName(head, where);
        Integer earlier = headLines.putIfAbsent(head, lineNumber);
        if (earlier != null) {
          throw new IllegalArgumentException(
              where + ": '" + head + "' already heads line " + earlier);
        }
        heads.add(head);
        Set<String> members = new HashSet<>();
        members.add(head);
        String rest = trimmed.substring(colon + 1).strip();
        if (rest.isEmpty()) {
          throw new IllegalArgumentException(where + ": '" + head + "' has no other names");
        }
        for (String item : rest.split(",", -1)) {
          String name = item.strip();
          requireName(name, where);
          if (!members.add(name)) {
            throw new IllegalArgumentException(where + ": '" + name + "' appears twice");
          }
        }
        for (String name : members) {
          building.computeIfAbsent(name, k -> new TreeSet<>()).add(head);
        }
      }
      if (heads.isEmpty()) {
        throw new IllegalArgumentException(source + " has no groups");
      }
      Map<String, Set<String>> frozen = new HashMap<>(building.size() * 2);
      for (Map.Entry<String, Set<String>> entry : building.entrySet()) {
        frozen.put(entry.getKey(), Collections.unmodifiableSet(entry.getValue()));
      }
      return new Table(Collections.unmodifiableMap(frozen), List.copyOf(heads));
    }

    private static void requireName(String name, String where) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException(where + ": empty name");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c < 'a' || c > 'z') {
          throw new IllegalArgumentException(
              where + ": '" + name + "' is not a folded name (lower-case a-z only)");
        }
      }
    }
  }
}
