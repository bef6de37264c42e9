package dev.dualcheck.check;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Findings scored against planted truth: recall, strong recall, precision, extra findings. */
final class Evaluation {

  /** Counts for one conflict type. */
  static final class Counts {
    int planted;
    int found;
    int foundStrong;
    int strong;
    int strongRight;
    int extra;
  }

  final Map<ConflictType, Counts> byType = new EnumMap<>(ConflictType.class);
  int contacts;

  static Evaluation of(
      Set<GeneratedClinicIndex.Truth> truth, List<Finding> findings, int contacts) {
    Evaluation e = new Evaluation();
    e.contacts = contacts;
    for (ConflictType type : ConflictType.values()) {
      e.byType.put(type, new Counts());
    }
    Map<GeneratedClinicIndex.Truth, Finding> found = new HashMap<>();
    for (Finding f : findings) {
      GeneratedClinicIndex.Truth key =
          new GeneratedClinicIndex.Truth(f.contactId(), f.type(), f.ref());
      Counts c = e.byType.get(f.type());
      boolean right = truth.contains(key);
      if (right) {
        found.put(key, f);
      } else {
        c.extra++;
      }
      if (f.level().atLeast(Level.PROBABLE)) {
        c.strong++;
        if (right) {
          c.strongRight++;
        }
      }
    }
    for (GeneratedClinicIndex.Truth t : truth) {
      Counts c = e.byType.get(t.type());
      c.planted++;
      Finding f = found.get(t);
      if (f != null) {
        c.found++;
        if (f.level().atLeast(Level.PROBABLE)) {
          c.foundStrong++;
        }
      }
    }
    return e;
  }

  void add(Evaluation other) {
    contacts += other.contacts;
    for (ConflictType type : ConflictType.values()) {
      Counts a = byType.get(type);
      Counts b = other.byType.get(type);
      a.planted += b.planted;
      a.found += b.found;
      a.foundStrong += b.foundStrong;
      a.strong += b.strong;
      a.strongRight += b.strongRight;
      a.extra += b.extra;
    }
  }

  double recall(ConflictType type) {
    Counts c = byType.get(type);
    return c.planted == 0 ? 1.0 : c.found / (double) c.planted;
  }

  double strongRecall(ConflictType type) {
    Counts c = byType.get(type);
    return c.planted == 0 ? 1.0 : c.foundStrong / (double) c.planted;
  }

  double strongPrecision(ConflictType type) {
    Counts c = byType.get(type);
    return c.strong == 0 ? 1.0 : c.strongRight / (double) c.strong;
  }

  double extraPerContact() {
    int extra = 0;
    for (Counts c : byType.values()) {
      extra += c.extra;
    }
    return extra / (double) Math.max(1, contacts);
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-16s %7s %7s %9s %10s %7s%n",
            "type",
            "planted",
            "recall",
            "strong_rc",
            "precision+",
            "extra"));
    for (ConflictType type : ConflictType.values()) {
      Counts c = byType.get(type);
      out.append(
          String.format(
              Locale.ROOT,
              "%-16s %7d %7.4f %9.4f %10.4f %7d%n",
              type.jsonName(),
              c.planted,
              recall(type),
              strongRecall(type),
              strongPrecision(type),
              c.extra));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "extra findings per contact: %.4f (%d contacts)%n",
            extraPerContact(),
            contacts));
    return out.toString();
  }
}
