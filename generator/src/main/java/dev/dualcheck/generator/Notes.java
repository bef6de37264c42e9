package dev.dualcheck.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Short clinical progress notes. Most sentences are about the client; some name the people in the
 * client's life — by full name, nickname and surname, with a middle initial, or first name only —
 * which is what the note search has to find.
 */
final class Notes {
  /** A person named in notes and the role they play in the client's life. */
  record Mentioned(Person person, String relation) {}

  /** How a note named someone; only forms with the surname identify a person. */
  record Mention(String text, boolean withSurname) {}

  private static final String[] OPENERS = {
    "{S} arrived on time and was appropriately dressed.",
    "{S} attended the session in person.",
    "Video session; {s} joined from home and the connection was stable.",
    "{S} arrived ten minutes late, apologetic, and said traffic was bad.",
    "Session {n} of the current treatment plan.",
    "{S} presented as tired but engaged.",
  };
  private static final String[] BODY = {
    "Mood described as \"flat, like I'm running on empty\".",
    "Reviewed sleep diary; {s} reports five to six hours a night, waking around 4 a.m.",
    "Practised paced breathing in session; {s} rated anxiety 7/10 before and 4/10 after.",
    "Discussed cognitive distortions, especially all-or-nothing thinking.",
    "Homework: thought record three times this week, and one pleasant activity a day.",
    "{S} cancelled last week's session, citing work commitments.",
    "Affect congruent, speech normal in rate and volume, thought process linear.",
    "{S} continues to use the grounding exercise when panic starts, with some success.",
    "Explored grief around {pp} father's illness; {s} was tearful but able to stay present.",
    "Session focused on boundaries and assertive communication.",
    "PHQ-9 score 14, down from 18 at intake. GAD-7 score 11.",
    "{S} said \"I don't know who I am when I'm not busy\", which we explored at length.",
    "Medication unchanged; prescriber follow-up next month.",
    "Processed an argument from the weekend using the chain analysis worksheet.",
    "{S} reports drinking less, two evenings this week instead of five.",
    "We reviewed the values exercise; family, honesty and creativity came up first.",
    "Discussed relapse prevention and early warning signs.",
    "{S} described a panic attack at the supermarket, the first in three weeks.",
    "Appetite improved. {S} has started walking in the mornings again.",
    "{S} was guarded today and said little about the week.",
    "Explored the pattern of avoiding conflict, then exploding weeks later.",
    "Worked on a graded exposure hierarchy for driving on the highway.",
    "{S} finds the body scan \"boring, but it helps\".",
    "Reviewed progress toward goals: work attendance better, social contact still limited.",
  };
  private static final String[] SAFETY = {
    "No suicidal ideation, intent or plan reported. Safety plan reviewed.",
    "Denies thoughts of self-harm. Crisis numbers confirmed.",
    "Risk assessed as low; no change to the safety plan.",
  };
  private static final String[] PLAN = {
    "Plan: continue weekly CBT, revisit goals in four sessions.",
    "Plan: fortnightly sessions from next month.",
    "Plan: continue; consider referral for a medication review.",
    "Next session in one week.",
    "Plan: introduce behavioural activation schedule next session.",
  };

  private final Population pop;
  private final SplittableRandom rnd;
  private final Noise noise;

  Notes(Population pop, Noise noise) {
    this.pop = pop;
    this.rnd = pop.random();
    this.noise = noise;
  }

  /** Sentences that name someone in a given role; {M} is the mention. */
  static String[] templates(String relation) {
    return switch (relation) {
      case "supervisor", "boss" ->
          new String[] {
            "{S} describes {pp} supervisor, {M}, as critical and unpredictable.",
            "Conflict at work with {M} continues; {s} fears a poor review.",
            "{M} from work called {pp} phone twice during the weekend.",
            "{S} rehearsed asking {M} for a change of shifts.",
          };
      case "partner", "spouse" ->
          new String[] {
            "{S} and {pp} partner {M} are arguing about money again.",
            "{S} is considering couples work with {M}.",
            "{M} came to the waiting room today but did not join the session.",
          };
      case "ex-partner" ->
          new String[] {
            "Contact with {pp} ex, {M}, remains tense around custody handovers.",
            "{S} received a long message from {M} and felt shaken for two days.",
          };
      case "neighbour" ->
          new String[] {
            "Ongoing dispute with a neighbour, {M}, over noise and parking.",
            "{S} says {M} next door has been \"watching the house\".",
          };
      case "sibling" ->
          new String[] {
            "{S}'s sibling {M} has been supportive and calls most evenings.",
            "Old resentment toward {M}, the older sibling, came up again.",
          };
      case "parent" ->
          new String[] {
            "{S}'s parent, {M}, is moving in next month, which {s} dreads.",
            "Discussed the phone call with {M}; {s} felt \"twelve years old again\".",
          };
      case "child" ->
          new String[] {
            "{S} worries about {M}, who has stopped going to school.",
            "{M}'s teacher asked for a meeting; {s} is anxious about it.",
          };
      case "coworker" ->
          new String[] {
            "A coworker, {M}, covered {pp} shifts while {s} was off.",
            "{S} had lunch with {M} from the office and enjoyed it.",
          };
      default ->
          new String[] {
            "Spent Saturday with {pp} friend {M}; felt less isolated.",
            "{S} confided in {M}, an old friend, about starting therapy.",
            "{S} mentioned {M} from the gym, who has been encouraging.",
          };
    };
  }

  Mention mention(Person named, boolean requireSurname) {
    String given = named.given;
    String family = named.family;
    if (given.isEmpty() || family.isEmpty()) {
      return new Mention(named.displayName(), !family.isEmpty());
    }
    int form = requireSurname ? rnd.nextInt(3) : rnd.nextInt(5);
    return switch (form) {
      case 0 -> new Mention(given + " " + family, true);
      case 1 -> {
        String initial =
            named.middle.isEmpty()
                ? String.valueOf((char) ('A' + rnd.nextInt(26)))
                : Text.initial(named.middle);
        yield new Mention(given + " " + initial + ". " + family, true);
      }
      case 2 -> new Mention(noise.nickname(given) + " " + family, true);
      case 3 -> new Mention(pop.chance(50) ? given : noise.nickname(given), false);
      default -> new Mention((named.female() ? "Ms. " : "Mr. ") + family, false);
    };
  }

  /**
   * One note. {@code named} (may be null) is worked into the text; the returned flag says whether
   * it was named with the surname.
   */
  String note(Person client, int session, Mentioned named, boolean requireSurname, boolean[] out) {
    StringBuilder text = new StringBuilder(400);
    sentence(text, pop.pick(OPENERS), client, session, null);
    int body = 1 + rnd.nextInt(4);
    int mentionAt = named == null ? -1 : rnd.nextInt(body);
    for (int i = 0; i < body; i++) {
      text.append(i == 1 && pop.chance(30) ? "\n\n" : " ");
      if (i == mentionAt) {
        Mention m = mention(named.person(), requireSurname);
        out[0] = m.withSurname();
        String[] t = templates(named.relation());
        sentence(text, t[rnd.nextInt(t.length)], client, session, m.text());
      } else {
        sentence(text, pop.pick(BODY), client, session, null);
      }
    }
    if (pop.chance(40)) {
      text.append(' ');
      sentence(text, pop.pick(SAFETY), client, session, null);
    }
    text.append(' ');
    sentence(text, pop.pick(PLAN), client, session, null);
    return text.toString();
  }

  /**
   * The notes that make the classic case: the client's boss supervises her and can fire her.
   * Returned texts always name him with his surname.
   */
  List<String> bossNotes(Person boss) {
    String nick = noise.nickname(boss.given);
    String initial = boss.middle.isEmpty() ? "J" : Text.initial(boss.middle);
    return List.of(
        "Client describes her supervisor, "
            + boss.given
            + " "
            + initial
            + ". "
            + boss.family
            + ", as controlling and unpredictable. He sets her schedule and has told her more than"
            + " once that he \"can fire her any day\". She is afraid to report him to HR.\n\n"
            + "Plan: document incidents, explore options with the union rep.",
        "Client says "
            + (nick.equals(boss.given) ? boss.given : nick)
            + " "
            + boss.family
            + " from work called her twice over the weekend; she did not answer. We practised a"
            + " script for asking him to put shift changes in writing. Anxiety 8/10 on Sunday"
            + " evenings.");
  }

  private void sentence(
      StringBuilder out, String template, Person client, int session, String mention) {
    boolean female = client.female();
    boolean male = "M".equals(client.sex);
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '{') {
        out.append(c);
        continue;
      }
      int end = template.indexOf('}', i);
      String token = template.substring(i + 1, end);
      i = end;
      switch (token) {
        case "S" -> out.append(subject(client));
        case "s" -> out.append(female ? "she" : male ? "he" : "the client");
        case "pp" -> out.append(female ? "her" : male ? "his" : "their");
        case "n" -> out.append(session);
        case "M" -> out.append(mention);
        default -> throw new IllegalStateException("unknown token in note template: " + token);
      }
    }
  }

  private String subject(Person client) {
    // first name only: a surname-less mention of the client in the client's own notes
    if (!client.given.isEmpty() && pop.chance(25)) {
      return client.given;
    }
    return client.female() ? "She" : "M".equals(client.sex) ? "He" : "Client";
  }
}
