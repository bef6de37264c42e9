package dev.dualcheck.report;

import dev.dualcheck.check.ConflictType;
import dev.dualcheck.check.Evidence;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.Level;
import dev.dualcheck.check.Resolution;
import dev.dualcheck.check.ScanResult;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A hand-made scan with every conflict type and level, evidence, resolutions and names from many
 * scripts. All people are invented for these tests.
 */
final class SampleScan {

  static final Instant CREATED = Instant.parse("2026-11-27T23:00:00Z");

  /** Names that are not printable in DejaVu Sans; rendered with '?' instead. */
  static final String UNPRINTABLE_NAME = "李 Wei Oyelaran";

  /** contact name, contact given/dob/phone/email, record name, record given/dob/phone/email. */
  private static final String[][] PEOPLE = {
    {
      "Jürgen Übelhack", "Jürgen", "1981-04-17", "+49 30 5550 1234", "juergen.ubelhack@example.org",
      "Jürgen Übelhack", "Jürgen", "1981-04-17", "+49 30 5550 1234", "j.ubelhack@example.net"
    },
    {
      "Bill Wróblewski", "Bill", "1975-09-02", "+48 22 555 0190", "bill.w@example.org",
      "William Wróblewski", "William", "1975-09-02", "+48 22 555 0191", "wwroblewski@example.com"
    },
    {
      "Łucja Pąkowska", "Łucja", "1990-01-23", "+48 61 555 0142", "lucja.p@example.org",
      "Łucja Pąkowska-Zięba", "Łucja", "1990-01", "+48 61 555 0142", "lpz@example.net"
    },
    {
      "Nguyễn Thị Ngọc Diễm", "Ngọc", "1988-12-05", "+84 28 5550 7781", "ngoc.diem@example.org",
      "Nguyễn Ngọc Diễm", "Ngọc", "1988-12-05", "+84 28 5550 7781", "ngocdiem@example.com"
    },
    {
      "Trần Văn Lộc", "Lộc", "1969-07-30", "+84 24 5550 3312", "loc.tran@example.org",
      "Trần Lộc", "Lộc", "1969-07", "+84 24 5550 3312", "tranloc@example.net"
    },
    {
      "Đỗ Minh Hữu", "Hữu", "1993-03-14", "+84 236 555 0420", "huu.do@example.org",
      "Đỗ Hữu", "Hữu", "1993-03-14", "+84 236 555 0421", "dohuu@example.com"
    },
    {
      "Ñuflo Ibáñez", "Ñuflo", "1979-11-08", "+34 91 555 0177", "nuflo.ibanez@example.org",
      "Nuflo Ibanez", "Nuflo", "1979-11-08", "+34 91 555 0177", "nibanez@example.net"
    },
    {
      "Ödön Kőszegváry", "Ödön", "1984-06-19", "+36 1 555 0163", "odon.k@example.org",
      "Ödön Kőszegvári", "Ödön", "1984-06-19", "+36 1 555 0163", "koszegvari@example.com"
    },
    {
      "Şebnem Yıldırımtepe", "Şebnem", "1996-02-29", "+90 212 555 0119", "sebnem.y@example.org",
      "Şebnem Yıldırımtepe", "Şebnem", "1996-02-29", "+90 212 555 0118", "sy@example.net"
    },
    {
      "Юлия Ветрогонова", "Юлия", "1987-10-10", "+7 495 555-01-88", "yulia.v@example.org",
      "Юля Ветрогонова", "Юля", "1987-10-10", "+7 495 555-01-88", "vetrogonova@example.com"
    },
    {
      "Grzegorz Brzęczyszczykiewicz-Łopatyńska",
      "Grzegorz",
      "1972-05-05",
      "+48 12 555 0133",
      "grzegorz.brzeczyszczykiewicz.lopatynska.very.long.address@subdomain.example.org",
      "Grzegorz Brzęczyszczykiewicz",
      "Grzegorz",
      "1972-05-05",
      "+48 12 555 0133",
      "gb@example.net"
    },
    {
      "Zoë Vanderwiel-Ørsted", "Zoë", "2001-08-21", "+31 20 555 0150", "zoe.vw@example.org",
      "Zoe van der Wiel", "Zoe", "2001-08-21", "+31 20 555 0150", "zvdw@example.com"
    },
  };

  private SampleScan() {}

  static ScanResult scan() {
    List<Finding> findings = new ArrayList<>();
    ConflictType[] types = ConflictType.values();
    Level[] levels = Level.values();
    String[] records = {"client", "associate", "note", "staff", "tie", "client"};
    String[] decisions = {"cleared", "not_same_person", "waived_with_consent", "referred_out"};
    int n = 0;
    for (int round = 0; round < 4; round++) {
      for (int t = 0; t < types.length; t++) {
        String[] p = PEOPLE[n % PEOPLE.length];
        Level level = levels[(n + round) % levels.length];
        ConflictType type = types[t];
        boolean staffSide = type == ConflictType.STAFF || type == ConflictType.THERAPIST_TIE;
        String ref = String.format(Locale.ROOT, staffSide ? "S%05d" : "C%06d", 4100 + 37 * n);
        String contactName = n == 23 ? UNPRINTABLE_NAME : p[0];
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(
            new Evidence(
                "given_name",
                p[1].equals(p[6]) ? "exact" : "nickname",
                p[1].equals(p[6]) ? 3.1 : 2.4,
                p[1],
                p[6]));
        evidence.add(
            new Evidence("family_name", "phonetic", 4.2 - 0.1 * n, lastWord(p[0]), lastWord(p[5])));
        evidence.add(
            new Evidence("dob", p[2].equals(p[7]) ? "exact" : "partial", 6.3 - round, p[2], p[7]));
        evidence.add(
            new Evidence(
                "phone",
                p[3].equals(p[8]) ? "exact" : "different",
                p[3].equals(p[8]) ? 7.5 : -1.8,
                p[3],
                p[8]));
        if (round % 2 == 0) {
          evidence.add(new Evidence("email", "different", -0.6, p[4], p[9]));
        }
        if (round == 3) {
          evidence.add(new Evidence("sex", "exact", 0.4, "F", "F"));
        }
        Resolution resolution = null;
        if (n % 3 == 0) {
          resolution =
              new Resolution(
                  decisions[(n / 3) % decisions.length],
                  n == 9
                      ? "Discussed with the clinical director on the phone; the contact was a"
                          + " client of the group programme in 2019 and consented in writing to"
                          + " individual therapy with a different clinician. Consent form filed in"
                          + " the paper record; re-check at the next annual review, or earlier if"
                          + " the referral circumstances change."
                      : "Checked against the intake form; " + p[5] + " confirmed.",
                  n % 2 == 0 ? "Dr. Anneliese Körbl" : "Steffi Świątkowska",
                  CREATED.minusSeconds(3600L * (5 + 13L * n)));
        }
        findings.add(
            new Finding(
                String.format(Locale.ROOT, "F-%08x", 0x5eed0000 + 7919 * n),
                String.format(Locale.ROOT, "K%06d", 17 + 11 * n),
                type,
                level,
                Math.round((0.99 - 0.15 * level.ordinal() - 0.0015 * n) * 1000) / 1000.0,
                ref,
                records[t],
                evidence,
                resolution,
                contactName,
                p[5]));
        n++;
      }
    }
    return new ScanResult("S-20261127-2300-7f3a", CREATED, 3000, findings);
  }

  static ReportContext context() {
    return new ReportContext(
        "Praxis am Körnerpark · Psychotherapie",
        "Dr. Anneliese Körbl",
        "sha256:4f0c2a9d1b7e6c53a8f21d0e9b6c4a7f3e2d1c0b9a8f7e6d5c4b3a2918f7e6d5",
        "0.1.0-SNAPSHOT",
        Map.of(Level.CERTAIN, 0.95, Level.PROBABLE, 0.8, Level.POSSIBLE, 0.5),
        "3,000 new contacts (intakes, referrals, hires and declared acquaintances) were checked"
            + " against every client the clinic has served since records began (discharged"
            + " clients included), their recorded relatives and associates, the names in all"
            + " case notes, all staff and the personal ties clinicians have declared.",
        ZoneId.of("Europe/Berlin"));
  }

  private static String lastWord(String name) {
    String[] parts = name.split(" ");
    return parts[parts.length - 1];
  }
}
