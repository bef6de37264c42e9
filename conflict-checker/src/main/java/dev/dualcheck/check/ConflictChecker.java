package dev.dualcheck.check;

import dev.dualcheck.index.NameKeys;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Checks a contact against everyone the clinic knows, for every conflict type: the contact is a
 * client (identity), a client's associate, named in a client's notes, a staff member, a clinician's
 * declared tie, or was referred by a client. Lucene fetches candidates; each is scored field by
 * field with Fellegi–Sunter weights ({@code weights.tsv}).
 */
public final class ConflictChecker {

  private static final Set<RecordKind> PERSON_KINDS =
      EnumSet.of(RecordKind.CLIENT, RecordKind.ASSOCIATE, RecordKind.STAFF, RecordKind.TIE);

  /**
   * Staff and declared ties get a candidate budget of their own besides the shared one: a clinic
   * has tens of them but thousands of clients and associates, who would otherwise crowd a misspelt
   * colleague out of the shared list.
   */
  private static final Set<RecordKind> STAFF_AND_TIES =
      EnumSet.of(RecordKind.STAFF, RecordKind.TIE);

  private static final Set<RecordKind> CLIENTS = EnumSet.of(RecordKind.CLIENT);

  /** Words of slack in a note mention's phrase: room for a middle name or initial. */
  private static final int NOTE_SLOP = 1;

  private static final Comparator<Finding> STRONGEST_FIRST =
      Comparator.comparing(Finding::level)
          .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
          .thenComparing(Finding::type)
          .thenComparing(Finding::ref)
          .thenComparing(Finding::id);

  private final PersonIndex index;
  private final MatchSettings settings;
  private final Weights weights;
  private final Scorer scorer;

  /**
   * Indexed records normalised before: the same clients come back as candidates check after check,
   * and normalising (folding, phonetic codes) is a tenth of a check. Keyed by kind and id, as
   * hashing a whole freshly read record costs more than a miss; a hit counts only when the record
   * is equal, so an edited record is normalised afresh.
   */
  private final Map<PersonKey, Person> persons = new ConcurrentHashMap<>();

  private record PersonKey(RecordKind kind, String id) {}

  private static final int PERSON_CACHE_SIZE = 20_000;
  private volatile StaffNames staffCache;

  public ConflictChecker(PersonIndex index, MatchSettings settings) {
    this.index = index;
    this.settings = settings;
    this.weights = Weights.defaults();
    this.scorer =
        new Scorer(
            weights,
            settings.defaultRegion(),
            new Scorer.Frequencies() {
              @Override
              public int[] of(String token, boolean family) throws IOException {
                PersonIndex.NameFrequency f = index.nameFrequency(token, family);
                return new int[] {f.documents(), f.total()};
              }

              @Override
              public int[] ofBoth(String given, String family) throws IOException {
                PersonIndex.NameFrequency f = index.fullNameFrequency(given, family);
                return new int[] {f.documents(), f.total()};
              }
            });
  }

  private Person person(ClinicRecord indexed) {
    PersonKey key = new PersonKey(indexed.kind(), indexed.id());
    Person known = persons.get(key);
    if (known != null && known.record.equals(indexed)) {
      return known;
    }
    if (persons.size() >= PERSON_CACHE_SIZE) {
      persons.clear(); // many different candidates: start over rather than grow without end
    }
    Person fresh = new Person(indexed);
    persons.put(key, fresh);
    return fresh;
  }

  /** Every conflict the contact may have, strongest first; one per type and referenced id. */
  public List<Finding> check(ClinicRecord contact) throws IOException {
    Person person = new Person(contact);
    Map<String, Finding> best = new HashMap<>();
    Set<String> related = new HashSet<>();
    Set<String> identities = new HashSet<>();
    Map<String, Double> priors = new HashMap<>();
    for (ClinicRecord candidate :
        index.candidates(
            contact, List.of(PERSON_KINDS, STAFF_AND_TIES), settings.maxCandidates())) {
      Person other = person(candidate);
      Scorer.Score score = scorer.score(person, other);
      for (ClinicRecord alias : aliases(candidate)) {
        Person aliased = new Person(alias);
        Scorer.Score aliasScore = scorer.score(person, aliased);
        if (aliasScore.bits() > score.bits()) {
          score = aliasScore;
          other = aliased;
        }
      }
      boolean declarer = askedByDeclarer(contact, candidate);
      double probability =
          score.probability(
              declarer ? declarerPrior(priors, contact) : prior(priors, candidate.kind()));
      Level level = level(probability);
      if (level == null) {
        continue;
      }
      if (level == Level.CERTAIN && !identifiedBeyondName(score.evidence())) {
        // certain needs more than a name, however rare
        level = Level.PROBABLE;
        probability = Math.min(probability, weights.param("certain") - 0.0001);
      }
      if (level == Level.PROBABLE
          && !corroboratedBeyondName(score.evidence())
          && !(declarer && namesAgree(score.evidence()))) {
        // a namesake in the same town is as likely as the same person: a name alone is possible
        level = Level.POSSIBLE;
        probability = Math.min(probability, weights.param("probable") - 0.0001);
      }
      ConflictType type = typeOf(candidate.kind());
      String ref = refOf(candidate);
      keep(best, finding(person, other, type, level, probability, ref, score.evidence()));
      if (type == ConflictType.IDENTITY) {
        identities.add(ref);
      } else if (type == ConflictType.ASSOCIATE && level.atLeast(Level.PROBABLE)) {
        // only a strong link corroborates a note mention; a possible one would be circular
        related.add(ref);
      }
    }
    dropSelfAssociates(best);
    referralSources(person, best, related);
    noteMentions(person, best, related, identities);
    dropAmbiguous(best, ConflictType.REFERRAL_SOURCE);
    dropWeakerMentions(best);
    dropAmbiguous(best, ConflictType.NOTE_MENTION);
    List<Finding> findings = new ArrayList<>(best.values());
    findings.sort(STRONGEST_FIRST);
    return findings;
  }

  /**
   * The record once for each name it also goes by ({@code alias_given_names}, e.g. a FHIR
   * nickname), with that name as its given name; the best-scoring form is kept.
   */
  private static List<ClinicRecord> aliases(ClinicRecord record) {
    String aliases = record.get("alias_given_names");
    if (aliases.isEmpty()) {
      return List.of();
    }
    List<ClinicRecord> forms = new ArrayList<>();
    for (String alias : aliases.split(";")) {
      if (!alias.isBlank()) {
        Map<String, String> fields = new HashMap<>(record.fields());
        fields.put("given_name", alias.strip());
        fields.remove("middle_name");
        forms.add(new ClinicRecord(record.kind(), record.id(), fields));
      }
    }
    return forms;
  }

  /**
   * Checks every contact, on as many threads as there are processors; findings come in contact
   * order. {@code progress} receives the number of contacts checked so far.
   */
  public ScanResult scan(
      List<ClinicRecord> contacts, String scanId, Instant created, IntConsumer progress)
      throws IOException {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    List<List<Finding>> perContact = new ArrayList<>(contacts.size());
    for (int i = 0; i < contacts.size(); i++) {
      perContact.add(null);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> workers = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < contacts.size();
                      i = next.getAndIncrement()) {
                    perContact.set(i, check(contacts.get(i)));
                    int n = done.incrementAndGet();
                    synchronized (progress) {
                      progress.accept(n);
                    }
                  }
                  return null;
                }));
      }
      for (Future<Void> worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("scan interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("scan failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<Finding> all = new ArrayList<>();
    for (List<Finding> findings : perContact) {
      all.addAll(findings);
    }
    return new ScanResult(scanId, created, contacts.size(), all);
  }

  private void referralSources(Person contact, Map<String, Finding> best, Set<String> related)
      throws IOException {
    for (String[] name : ReferralNames.readings(contact.record.get("referred_by"))) {
      referralSource(contact, name, best, related);
    }
  }

  private void referralSource(
      Person contact, String[] name, Map<String, Finding> best, Set<String> related)
      throws IOException {
    Map<String, String> fields = new HashMap<>();
    fields.put("given_name", name[0]);
    if (!name[1].isEmpty()) {
      fields.put("middle_name", name[1]);
    }
    fields.put("family_name", name[2]);
    Person referrer = new Person(new ClinicRecord(RecordKind.CONTACT, contact.record.id(), fields));
    long clients = index.count(RecordKind.CLIENT);
    double probableBits = nameOnlyBits("referral_probable_bits", clients, 5_000);
    double minimumBits = nameOnlyBits("referral_possible_bits", clients, 5_000);
    List<Person> clientsNamed = new ArrayList<>();
    List<Scorer.Score> scores = new ArrayList<>();
    double bestBits = Double.NEGATIVE_INFINITY;
    for (ClinicRecord candidate :
        index.candidates(referrer.record, CLIENTS, settings.maxCandidates())) {
      Person client = person(candidate);
      Scorer.Score score = scorer.scoreNames(referrer, client);
      if (namesAgree(score.evidence()) && score.bits() >= minimumBits) {
        clientsNamed.add(client);
        scores.add(score);
        bestBits = Math.max(bestBits, score.bits());
      }
    }
    for (int i = 0; i < clientsNamed.size(); i++) {
      Person client = clientsNamed.get(i);
      ClinicRecord candidate = client.record;
      Scorer.Score score = scores.get(i);
      if (score.bits() < bestBits - weights.param("referral_margin_bits")) {
        // "Dan Smith" is Dan Smith, not Daniel Smith, when the clinic has both
        continue;
      }
      // a name alone: probable at best, and only when it is uncommon enough
      Level level = score.bits() >= probableBits ? Level.PROBABLE : Level.POSSIBLE;
      double probability = logistic(score.bits() - probableBits + 4.25);
      double bounded =
          level == Level.PROBABLE
              ? Math.min(Math.max(probability, weights.param("probable")), 0.989)
              : Math.min(Math.max(probability, weights.param("possible")), 0.949);
      Finding finding =
          new Finding(
              FindingIds.of(
                  contact.record.id(), ConflictType.REFERRAL_SOURCE, "client", candidate.id()),
              contact.record.id(),
              ConflictType.REFERRAL_SOURCE,
              level,
              bounded,
              candidate.id(),
              "client",
              score.evidence(),
              null,
              referrer.displayName(),
              client.displayName());
      keep(best, finding);
      if (level == Level.PROBABLE) {
        related.add(candidate.id());
      }
    }
  }

  /**
   * The contact identified as client X is not also X's associate: an associate of X sharing the
   * contact's family name and phone is X's relative, so an associate finding for X is dropped when
   * an identity finding for X is at least as strong.
   */
  private static void dropSelfAssociates(Map<String, Finding> best) {
    best.values()
        .removeIf(
            f -> {
              if (f.type() != ConflictType.ASSOCIATE) {
                return false;
              }
              Finding identity = best.get(ConflictType.IDENTITY.jsonName() + '\n' + f.ref());
              return identity != null && identity.level().compareTo(f.level()) <= 0;
            });
  }

  /**
   * True when something besides names, sex and town agrees: a date of birth, phone, e-mail, street,
   * postal code or employer.
   */
  private static boolean corroboratedBeyondName(List<Evidence> evidence) {
    for (Evidence e : evidence) {
      switch (e.field()) {
        case "given_name", "family_name", "sex", "city" -> {}
        case "middle_name" -> {
          // a whole middle name makes the name itself rarer, as in a note mention; an initial not
          if (e.comparison().equals("exact")) {
            return true;
          }
        }
        default -> {
          if (e.weight() > 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * True when the clinician asking about the contact is the one who declared this tie: a therapist
   * who checks a name they declared knows whom they mean, where a namesake elsewhere would not.
   */
  private static boolean askedByDeclarer(ClinicRecord contact, ClinicRecord candidate) {
    String asking = contact.get("for_clinician");
    return candidate.kind() == RecordKind.TIE
        && !asking.isEmpty()
        && asking.equals(candidate.get("staff_id"));
  }

  /** True when a date of birth, phone or e-mail agrees, not just names and places. */
  private static boolean identifiedBeyondName(List<Evidence> evidence) {
    for (Evidence e : evidence) {
      switch (e.field()) {
        case "dob" -> {
          // a birth year alone is shared with too many to identify anyone
          if (e.weight() > 0 && !e.comparison().equals("partial_year")) {
            return true;
          }
        }
        case "phone" -> {
          if (e.weight() > 0) {
            return true;
          }
        }
        case "email" -> {
          if (e.comparison().equals("exact")) {
            return true;
          }
        }
        default -> {}
      }
    }
    return false;
  }

  /**
   * A name alone that points at many clients points at none: when more than {@code
   * max_name_only_refs} clients carry possible findings of this type, those are dropped (probable
   * ones, which something corroborates, stay).
   */
  private void dropAmbiguous(Map<String, Finding> best, ConflictType type) {
    int possible = 0;
    for (Finding f : best.values()) {
      if (f.type() == type && f.level() == Level.POSSIBLE) {
        possible++;
      }
    }
    if (possible > weights.param("max_name_only_refs")) {
      best.values().removeIf(f -> f.type() == type && f.level() == Level.POSSIBLE);
    }
  }

  /**
   * A name-only note mention far weaker than the best one is another person's: with "Karen S.
   * Lewis" in one note, "Kate Lewis" in another is Kate. Possible mentions whose name weighs more
   * than {@code note_margin_bits} less than the strongest mention's are dropped.
   */
  private void dropWeakerMentions(Map<String, Finding> best) {
    double strongest = Double.NEGATIVE_INFINITY;
    for (Finding f : best.values()) {
      if (f.type() == ConflictType.NOTE_MENTION) {
        strongest = Math.max(strongest, f.evidence().get(0).weight());
      }
    }
    double floor = strongest - weights.param("note_margin_bits");
    best.values()
        .removeIf(
            f ->
                f.type() == ConflictType.NOTE_MENTION
                    && f.level() == Level.POSSIBLE
                    && f.evidence().get(0).weight() < floor);
  }

  /**
   * Bits a name must weigh to count on its own: the base, plus one bit for each doubling of the
   * records it could be found among beyond {@code reference} (a name shared with one of 500,000
   * notes says less than one shared with one of 10,000).
   */
  private double nameOnlyBits(String base, long records, double reference) {
    return weights.param(base) + Math.max(0, Weights.log2(records / reference));
  }

  /**
   * Given and family names both agree at some level (an initial counts for the given name), the
   * given name not merely as the other's middle name: with nothing but a name to go by, a relative
   * who was given that middle name is as likely.
   */
  static boolean namesAgree(List<Evidence> evidence) {
    boolean given = false;
    boolean family = false;
    for (Evidence e : evidence) {
      if (e.field().equals("given_name")) {
        given =
            switch (e.comparison()) {
              case "different", "missing", "middle" -> false;
              default -> true;
            };
      } else if (e.field().equals("family_name")) {
        family = !e.comparison().equals("different") && !e.comparison().equals("missing");
      }
    }
    return given && family;
  }

  private void noteMentions(
      Person contact, Map<String, Finding> best, Set<String> related, Set<String> identities)
      throws IOException {
    List<NoteMentions.Form> forms = NoteMentions.forms(contact);
    if (forms.isEmpty()) {
      return;
    }
    List<List<String>> phrases = new ArrayList<>(forms.size());
    for (NoteMentions.Form form : forms) {
      // given and family within one word of each other also find "given M. family"
      if (form.label().equals("full_name")) {
        phrases.add(form.words());
      }
    }
    Map<String, List<Person>> associates = new HashMap<>();
    double minimumBits = nameOnlyBits("note_possible_bits", index.count(RecordKind.NOTE), 10_000);
    Set<String> keys = NoteMentions.keys(forms);
    List<Person> selves = selves(contact);
    for (ClinicRecord note :
        index.notesMentioning(phrases, keys, NOTE_SLOP, settings.maxNoteHits())) {
      String client = note.get("client_id");
      if (identities.contains(client)) {
        // the contact's own file: the identity finding already says so
        continue;
      }
      NameInNote found = nameInNote(contact, selves, forms, keys, note);
      if (found == null
          || found.score().bits() < minimumBits
          || mentionsSomeoneElse(contact, client, found.named(), associates)) {
        continue;
      }
      NoteMentions.Mention mention = found.mention();
      if (NoteMentions.tooYoungFor(mention, contact.dob, note.get("date"))) {
        continue;
      }
      Scorer.Score nameScore = found.score();
      List<Evidence> evidence = new ArrayList<>();
      evidence.add(
          new Evidence(
              "note_text",
              mention.form().label(),
              nameScore.bits(),
              contact.displayName(),
              String.join(" ", mention.matched())));
      double corroboration = 0;
      if (!contact.employer.isEmpty()
          && NoteMentions.contains(mention.text(), List.of(contact.employer.split(" ")))) {
        double bits = weights.bits("employer", "exact");
        evidence.add(
            new Evidence("employer", "mentioned", bits, contact.record.get("employer"), null));
        corroboration += bits;
      }
      if (related.contains(client)) {
        double bits = weights.bits("family_name", "exact");
        evidence.add(new Evidence("note_client", "related", bits, null, null));
        corroboration += bits;
      }
      if (corroboration == 0 && middleDiffers(nameScore.evidence())) {
        // "Rebecca D. Bailey" in a note is not Rebecca Lisa Bailey: a note writer who gives a
        // middle name or initial knows it, and with nothing else to go by it names another person
        continue;
      }
      boolean strong = corroboration > 0 || mention.form().label().equals("full_name_middle");
      Level level = strong ? Level.PROBABLE : Level.POSSIBLE;
      double probability = logistic(nameScore.bits() + corroboration - 20);
      double score =
          strong
              ? Math.min(Math.max(probability, weights.param("probable")), 0.989)
              : Math.min(Math.max(probability, weights.param("possible")), 0.949);
      keep(
          best,
          new Finding(
              FindingIds.of(contact.record.id(), ConflictType.NOTE_MENTION, "note", note.id()),
              contact.record.id(),
              ConflictType.NOTE_MENTION,
              level,
              score,
              client,
              "note",
              evidence,
              null,
              contact.displayName(),
              null));
    }
  }

  /** True when both sides give a middle name or initial and they disagree. */
  static boolean middleDiffers(List<Evidence> evidence) {
    for (Evidence e : evidence) {
      if (e.field().equals("middle_name")) {
        return e.comparison().equals("different");
      }
    }
    return false;
  }

  /** The contact's name as a note writes it, the person that names and how well it agrees. */
  private record NameInNote(NoteMentions.Mention mention, Person named, Scorer.Score score) {}

  /**
   * The contact's name in a note: one of its forms as spelled, else the best of the names the
   * note's capitalised words hold that agrees with the contact's and is not plainly another
   * person's; null when neither.
   */
  private NameInNote nameInNote(
      Person contact,
      List<Person> selves,
      List<NoteMentions.Form> forms,
      Set<String> keys,
      ClinicRecord note)
      throws IOException {
    String raw = note.get("text");
    List<String> text = NameKeys.tokens(raw);
    NoteMentions.Mention exact = NoteMentions.find(forms, text);
    if (exact != null) {
      Person named = new Person(exact.asRecord(note.id()));
      return new NameInNote(exact, named, scoreNames(selves, named));
    }
    NameInNote best = null;
    for (NoteMentions.Mention reading : NoteMentions.readings(raw, text, keys)) {
      Person named = new Person(reading.asRecord(note.id()));
      Scorer.Score score = scoreNames(selves, named);
      if (namesAgree(score.evidence())
          && (best == null || score.bits() > best.score().bits())
          && !twoEstablishedNames(contact, named, score.evidence())
          && !otherSecondSurname(contact, named)) {
        best = new NameInNote(reading, named, score);
      }
    }
    return best;
  }

  /**
   * The names a note gives compared with the contact's, and with the contact's under each given
   * name their e-mail address spells better ({@link NoteMentions#emailGivenNames}): the better.
   */
  private Scorer.Score scoreNames(List<Person> selves, Person named) throws IOException {
    Scorer.Score best = null;
    for (Person self : selves) {
      Scorer.Score score = scorer.scoreNames(self, named);
      if (best == null || score.bits() > best.bits()) {
        best = score;
      }
    }
    return best;
  }

  /** The contact, then the contact under each of {@link NoteMentions#emailGivenNames}. */
  private static List<Person> selves(Person contact) {
    List<Person> selves = new ArrayList<>(List.of(contact));
    for (String given : NoteMentions.emailGivenNames(contact)) {
      Map<String, String> fields = new HashMap<>(contact.record.fields());
      fields.put("given_name", given);
      selves.add(new Person(new ClinicRecord(RecordKind.CONTACT, contact.record.id(), fields)));
    }
    return selves;
  }

  /**
   * True when a name agrees with the contact's only by sound or by a slip of the keyboard, and both
   * spellings are established names: each borne by at least two indexed persons, the rarer by at
   * least a twentieth as many as the commoner. "Tina" and "Diane", "Conti" and "Monti" are two
   * names, where "Jworski" beside "Jaworski" is a slip.
   */
  private boolean twoEstablishedNames(Person contact, Person named, List<Evidence> evidence)
      throws IOException {
    for (Evidence e : evidence) {
      boolean family = e.field().equals("family_name");
      if (!family && !e.field().equals("given_name")) {
        continue;
      }
      if (!e.comparison().equals("typo") && !e.comparison().equals("phonetic")) {
        continue;
      }
      String ours = family ? String.join("", NameKeys.core(contact.family)) : contact.given.get(0);
      String theirs = family ? String.join("", NameKeys.core(named.family)) : named.given.get(0);
      int a = index.nameFrequency(ours, family).documents();
      int b = index.nameFrequency(theirs, family).documents();
      if (Math.min(a, b) >= 2 && Math.min(a, b) * 20 >= Math.max(a, b)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when both family names have two parts and only one is shared: "Fernández Pérez" is not
   * "Fernández Domínguez", though a note may well call either just "Fernández".
   */
  private static boolean otherSecondSurname(Person contact, Person named) {
    List<String> ours = NameKeys.core(contact.family);
    List<String> theirs = NameKeys.core(named.family);
    return ours.size() >= 2 && theirs.size() >= 2 && !ours.equals(theirs);
  }

  /**
   * True when the name the note mentions is a staff member's (colleagues are named in notes as
   * professionals), or that of one of the client's recorded associates and the contact is not that
   * associate (their details disagree): the note is about someone the clinic already knows.
   */
  private boolean mentionsSomeoneElse(
      Person contact, String client, Person named, Map<String, List<Person>> associates)
      throws IOException {
    List<Person> known = associates.get(client);
    if (known == null) {
      known = new ArrayList<>();
      for (ClinicRecord a : index.ownedBy(RecordKind.ASSOCIATE, client)) {
        known.add(person(a));
      }
      associates.put(client, known);
    }
    Set<String> staff = staffNames();
    for (String key : nameKeys(named)) {
      if (staff.contains(key)) {
        return true;
      }
    }
    for (Person associate : known) {
      if (!sameName(named, associate)) {
        continue;
      }
      double prior = weights.priorBits(index.count(RecordKind.ASSOCIATE));
      if (level(scorer.score(contact, associate).probability(prior)) == null) {
        return true;
      }
    }
    return false;
  }

  /** The note's words name this person: given name (or a nickname of it) and family name. */
  private boolean sameName(Person named, Person person) throws IOException {
    for (Evidence e : scorer.scoreNames(named, person).evidence()) {
      if (e.field().equals("given_name") || e.field().equals("family_name")) {
        switch (e.comparison()) {
          case "exact", "nickname", "spelling", "former" -> {}
          default -> {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * Staff names as {@link #nameKey} keys, read again only when the number of staff changes: a
   * mention of a colleague is looked up, not compared with every staff member.
   */
  private Set<String> staffNames() throws IOException {
    long count = index.count(RecordKind.STAFF);
    StaffNames cached = staffCache;
    if (cached == null || cached.count() != count) {
      Set<String> keys = new HashSet<>();
      for (ClinicRecord r : index.records(RecordKind.STAFF, 100_000)) {
        keys.addAll(nameKeys(new Person(r)));
      }
      cached = new StaffNames(count, keys);
      staffCache = cached;
    }
    return cached.keys();
  }

  private record StaffNames(long count, Set<String> keys) {}

  /** Given name by nickname group and family core: "Bill Turner" and "William Turner" agree. */
  private static Set<String> nameKeys(Person person) {
    Set<String> keys = new HashSet<>();
    if (person.given.isEmpty() || person.family.isEmpty()) {
      return keys;
    }
    String family = String.join("", NameKeys.core(person.family));
    for (String group : NameKeys.nicknameKeys(person.given.get(0))) {
      keys.add(group + ' ' + family);
    }
    return keys;
  }

  /**
   * Prior odds in bits that a contact a clinician asks about is one of the ties that clinician
   * declared: spread over their own few ties, not over every clinician's, as a therapist who met
   * someone again is asking about the people they know. A declared tie then needs less than a full
   * name ("Michelle Taylor" for the declared "Michelle Parker", a married name) to be shown as
   * possible.
   */
  private double declarerPrior(Map<String, Double> priors, ClinicRecord contact)
      throws IOException {
    String asking = contact.get("for_clinician");
    Double bits = priors.get(asking);
    if (bits == null) {
      bits = weights.priorBits(index.ownedBy(RecordKind.TIE, asking).size());
      priors.put(asking, bits);
    }
    return bits;
  }

  /** Prior odds in bits of a kind, in {@code priors} under the kind's name. */
  private double prior(Map<String, Double> priors, RecordKind kind) throws IOException {
    Double bits = priors.get(kind.name());
    if (bits == null) {
      bits = weights.priorBits(index.count(kind));
      priors.put(kind.name(), bits);
    }
    return bits;
  }

  private Level level(double probability) {
    if (probability >= weights.param("certain")) {
      return Level.CERTAIN;
    }
    if (probability >= weights.param("probable")) {
      return Level.PROBABLE;
    }
    if (probability >= weights.param("possible")) {
      return Level.POSSIBLE;
    }
    return null;
  }

  private static Finding finding(
      Person contact,
      Person other,
      ConflictType type,
      Level level,
      double score,
      String ref,
      List<Evidence> evidence) {
    String kind = other.record.kind().singular();
    return new Finding(
        FindingIds.of(contact.record.id(), type, kind, other.record.id()),
        contact.record.id(),
        type,
        level,
        score,
        ref,
        kind,
        evidence,
        null,
        contact.displayName(),
        other.displayName());
  }

  /** One finding per type and referenced id: the strongest. */
  private static void keep(Map<String, Finding> best, Finding finding) {
    String key = finding.type().jsonName() + '\n' + finding.ref();
    best.merge(key, finding, (a, b) -> STRONGEST_FIRST.compare(a, b) <= 0 ? a : b);
  }

  static ConflictType typeOf(RecordKind kind) {
    return switch (kind) {
      case CLIENT -> ConflictType.IDENTITY;
      case ASSOCIATE -> ConflictType.ASSOCIATE;
      case STAFF -> ConflictType.STAFF;
      case TIE -> ConflictType.THERAPIST_TIE;
      default -> throw new IllegalArgumentException("not a person kind: " + kind);
    };
  }

  /** The id a finding is about: the client for associates, the clinician for ties. */
  static String refOf(ClinicRecord record) {
    return switch (record.kind()) {
      case ASSOCIATE -> record.get("client_id");
      case TIE -> record.get("staff_id");
      default -> record.id();
    };
  }

  private static double logistic(double bits) {
    return 1.0 / (1.0 + Math.pow(2, -bits));
  }
}
