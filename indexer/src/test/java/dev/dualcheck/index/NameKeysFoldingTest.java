package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dualcheck.names.Names;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameKeysFoldingTest {

  /** Words of many scripts, with the context-sensitive letters of the fold rules. */
  private static final String[] WORDS = {
    "Екатерина",
    "Ельцин",
    "Юлия",
    "Щукина",
    "объём",
    "Хрущёв",
    "подъезд",
    "Олександр",
    "Ёлка",
    "Йошкар-Ола",
    "ЕЕ",
    "аЕ",
    "ьЕ",
    "张伟",
    "東京",
    "Γιώργος",
    "Σίσυφος",
    "ΟΔΟΣ",
    "محمد",
    "عبد-الله",
    "שלום",
    "Dvořák",
    "Straße",
    "Nguyễn",
    "Đặng",
    "İbrahim",
    "IŞIK",
    "Søren",
    "Ærø",
    "ＪＯＨＮ",
    "e\u0301",
    "\u0301x",
    "O'Neil",
    "Mary-Jane",
    "don't",
    "(Bill)",
    "Turner,",
    "—",
    "«Саша»",
    "ｶﾀｶﾅ",
    "ﬁle",
    "½",
    "x²",
    "née",
    "café.",
    "Łódź",
    "ß",
    "ǅemal",
    "Ａ1",
    "42",
    "\u00a0Ana",
    "Ana\u00a0María",
    "‘quoted’",
    "“Nö”",
    "ı",
    "Ǆ"
  };

  private static final String[] GAPS = {" ", "  ", "\n", "\t", " - ", ", ", "\u3000", "\u2028"};

  /** The fold of the whole text at once, which {@link NameKeys#tokens} must equal. */
  private static List<String> wholeText(String text) {
    String folded = Names.fold(text);
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "Bill Turner came with Ельцин.",
        "Saw Екатерина and Юлия Щукина at 张伟's; then Γιώργος Σίσυφος.",
        "Ана Ельцина\u3000Ёлка",
        "e\u0301 \u0301x",
        "plain ascii only, nothing to transliterate",
        "trailing non-ascii Łódź",
        "Łódź leading",
        "  spaced   Nguyễn   Thị  "
      })
  void foldsTextWordByWordAsTheWholeTextWould(String text) {
    assertEquals(wholeText(text), NameKeys.tokens(text));
  }

  @Test
  void foldsRandomMixedTextsAsTheWholeTextWould() {
    Random random = new Random(20261128);
    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder();
      int words = 1 + random.nextInt(12);
      for (int w = 0; w < words; w++) {
        if (w > 0 || random.nextBoolean()) {
          text.append(GAPS[random.nextInt(GAPS.length)]);
        }
        text.append(WORDS[random.nextInt(WORDS.length)]);
        if (random.nextInt(4) == 0) {
          text.append(WORDS[random.nextInt(WORDS.length)]); // two words with no gap
        }
      }
      String sample = text.toString();
      assertEquals(wholeText(sample), NameKeys.tokens(sample), () -> "text: " + sample);
    }
  }

  @Test
  void tokensOfNothingAreEmpty() {
    assertEquals(List.of(), NameKeys.tokens(null));
    assertEquals(List.of(), NameKeys.tokens(" -- "));
  }
}
