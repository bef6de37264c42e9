package dev.dualcheck.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's own table of diminutives and cross-language equivalents. It is deliberately
 * independent of the matcher's table, so that tuning one against the other measures something.
 */
final class Nicknames {
  private Nicknames() {}

  // formal: diminutives. Lines stay in a fixed order so draws are deterministic.
  private static final String TABLE =
      String.join(
          "\n",
          // English
          "William: Bill Will Billy Willy Liam",
          "Robert: Bob Rob Bobby Robbie Bert",
          "Richard: Rick Dick Rich Ricky Richie",
          "Elizabeth: Liz Beth Betty Lisa Eliza Lizzie Libby Bess",
          "Margaret: Maggie Meg Peggy Marge Margie Greta",
          "Katherine: Kate Kathy Katie Kat Kitty",
          "Catherine: Cathy Kate Cat Katie",
          "Kathleen: Kathy Kath Kate",
          "Christopher: Chris Kit Topher",
          "Michael: Mike Mick Mikey Mickey",
          "James: Jim Jimmy Jamie",
          "John: Jack Johnny Jon",
          "Jonathan: Jon Jonny Nathan",
          "Joseph: Joe Joey",
          "Thomas: Tom Tommy",
          "Charles: Charlie Chuck Chas",
          "Daniel: Dan Danny",
          "Matthew: Matt Matty",
          "Anthony: Tony",
          "Andrew: Andy Drew",
          "Steven: Steve Stevie",
          "Stephen: Steve Stevie",
          "Edward: Ed Eddie Ted Ned",
          "Theodore: Ted Teddy Theo",
          "Nicholas: Nick Nicky",
          "Alexander: Alex Al Sandy Alec Xander",
          "Alexandra: Alex Alexa Sandra Lexi",
          "Benjamin: Ben Benny Benji",
          "Samuel: Sam Sammy",
          "Samantha: Sam Sammie",
          "Patrick: Pat Paddy",
          "Patricia: Pat Patty Trish Tricia",
          "Jennifer: Jen Jenny Jenn",
          "Jessica: Jess Jessie",
          "Rebecca: Becky Becca",
          "Susan: Sue Susie Suzy",
          "Susannah: Sue Susie Sukey",
          "Deborah: Deb Debbie",
          "Dorothy: Dot Dottie Dolly",
          "Victoria: Vicky Tori",
          "Abigail: Abby Gail",
          "Gregory: Greg",
          "Timothy: Tim Timmy",
          "Kenneth: Ken Kenny",
          "Donald: Don Donny",
          "Ronald: Ron Ronnie",
          "Lawrence: Larry Laurie",
          "Gerald: Gerry Jerry",
          "Frederick: Fred Freddie",
          "Henry: Hank Harry Hal",
          "Harold: Harry Hal",
          "Walter: Walt Wally",
          "Albert: Al Bert Bertie",
          "Alfred: Alf Alfie Fred",
          "Arthur: Art Artie",
          "Douglas: Doug",
          "Raymond: Ray",
          "Zachary: Zach Zack",
          "Nathaniel: Nate Nat",
          "Peter: Pete",
          "Jacob: Jake",
          "Joshua: Josh",
          "Eleanor: Ellie Nell Nora",
          "Helen: Nell Nellie",
          "Penelope: Penny",
          "Josephine: Jo Josie",
          "Jacqueline: Jackie",
          "Pamela: Pam",
          "Christine: Chris Chrissy Tina",
          "Cynthia: Cindy",
          "Amanda: Mandy",
          "Melissa: Missy Mel",
          "Judith: Judy",
          "Harriet: Hattie",
          "Mary: Molly Polly Mae",
          "Nancy: Nan",
          "Sarah: Sally Sadie",
          "Angela: Angie",
          "Oliver: Ollie",
          "Francis: Frank Fran",
          "Kimberly: Kim",
          "Barbara: Barb Babs Basia",
          // German
          "Johannes: Hans Jo Johann Jens",
          "Johanna: Hanna Hanne Jo Anneke",
          "Friedrich: Fritz Fred",
          "Wolfgang: Wolf",
          "Matthias: Matze Hias",
          "Andreas: Andi",
          "Stefanie: Steffi",
          "Franziska: Franzi",
          "Katharina: Kathi Katrin Käthe",
          "Margarete: Grete Gretchen Margit",
          "Elisabeth: Lisa Liesel Elise Sissi Liesbeth",
          "Gertrud: Trude",
          "Heinrich: Heinz Hein",
          "Ulrich: Uli",
          "Sebastian: Basti Seb",
          "Maximilian: Max",
          "Tobias: Tobi",
          "Florian: Flo",
          "Christiane: Christel",
          "Wilhelm: Willi Wim",
          // Spanish
          "Francisco: Paco Pancho Curro Cisco",
          "José: Pepe Pepito",
          "Manuel: Manolo Manu",
          "Dolores: Lola Loles",
          "Concepción: Concha Conchita",
          "Guadalupe: Lupe Lupita",
          "Jesús: Chuy Chucho",
          "Ignacio: Nacho",
          "Guillermo: Memo Guille",
          "Alejandro: Ale Jandro",
          "Eduardo: Lalo Edu",
          "Enrique: Kike Quique",
          "Antonio: Toño Toni Tonino",
          "Rafael: Rafa",
          "Fernando: Nando Fer",
          "Santiago: Santi",
          "Alberto: Beto Tito",
          "Roberto: Beto Robi",
          "Mercedes: Merche Meche",
          "Pilar: Pili",
          "Isabel: Isa Chabela",
          "Rosario: Charo",
          "Teresa: Tere Maite",
          "María José: Majo",
          "José Luis: Pepelu",
          "Ramón: Moncho",
          "Gabriela: Gaby",
          // Italian
          "Giuseppe: Beppe Peppe Pino",
          "Giovanni: Gianni Nino Vanni",
          "Francesco: Franco Checco Cesco",
          "Salvatore: Totò Turi Salvo",
          "Vincenzo: Enzo",
          "Alessandro: Sandro",
          "Domenico: Mimmo",
          "Giuseppina: Pina Peppina",
          "Caterina: Rina",
          "Francesca: Franca Chicca",
          "Luigi: Gigi",
          "Raffaele: Lele",
          "Gabriele: Lele Gabri",
          "Emanuele: Manu Lele",
          "Tommaso: Maso",
          "Federico: Fede Chicco",
          "Lorenzo: Renzo Enzo",
          "Leonardo: Leo",
          // French
          "Jean-Pierre: JP",
          "Frédéric: Fred",
          "Nicolas: Nico",
          "Christophe: Chris",
          "Dominique: Dom",
          "Stéphanie: Steph",
          "Isabelle: Isa Babette",
          "Marguerite: Margot",
          // Polish
          "Katarzyna: Kasia Kaśka",
          "Małgorzata: Gosia Małgosia",
          "Aleksandra: Ola Olka",
          "Agnieszka: Aga",
          "Magdalena: Magda",
          "Stanisław: Staszek",
          "Wojciech: Wojtek",
          "Krzysztof: Krzyś Krzysiek",
          "Grzegorz: Grześ",
          "Tomasz: Tomek",
          "Jakub: Kuba",
          "Józef: Józek",
          "Mateusz: Mati",
          "Elżbieta: Ela",
          "Joanna: Asia Joasia",
          "Zofia: Zosia",
          "Jadwiga: Jadzia",
          "Zuzanna: Zuza Zuzia",
          // Russian (transliterated)
          "Aleksandr: Sasha Sanya Shura",
          "Aleksey: Alyosha Lyosha",
          "Yekaterina: Katya Katyusha",
          "Dmitriy: Dima Mitya",
          "Mikhail: Misha",
          "Nikolay: Kolya",
          "Vladimir: Volodya Vova",
          "Sergey: Seryozha",
          "Ivan: Vanya",
          "Pavel: Pasha",
          "Yevgeniy: Zhenya",
          "Anastasiya: Nastya",
          "Natalya: Natasha",
          "Tatyana: Tanya",
          "Yelena: Lena",
          "Mariya: Masha",
          "Svetlana: Sveta",
          "Olga: Olya",
          "Irina: Ira",
          "Lyudmila: Lyuda Mila",
          "Nadezhda: Nadya",
          "Konstantin: Kostya",
          "Anatoliy: Tolya",
          "Darya: Dasha",
          "Kseniya: Ksyusha",
          "Vyacheslav: Slava",
          "Pyotr: Petya",
          "Andrey: Andryusha",
          "Sofiya: Sonya",
          // Dutch
          "Cornelis: Kees Cor",
          "Jacobus: Jaap Koos",
          "Hendrik: Henk Rik",
          "Adrianus: Arie Adrie",
          "Wilhelmina: Willemien Mien",
          "Cornelia: Corrie Nel",
          "Petronella: Nel Nellie",
          "Geertruida: Truus Trudy",
          "Catharina: Toos Tineke",
          "Abraham: Bram Abe",
          "Pieter: Piet",
          "Willem: Wim Pim",
          // Irish
          "Padraig: Paddy",
          "Séamus: Shay",
          "Siobhán: Shiv",
          "Bridget: Bridie Biddy",
          // Arabic, Turkish
          "Mohammed: Mo Moe Hamoudi",
          "Abdullah: Abdo",
          "Ibrahim: Brahim",
          "Mustafa: Musti",
          "Fatima: Tima",
          "Mehmet: Memo",
          // Hungarian
          "István: Pista Pisti",
          "Erzsébet: Erzsi Böske",
          "László: Laci",
          "József: Józsi",
          "János: Jani Jancsi",
          "Zsuzsanna: Zsuzsa Zsuzsi",
          "Katalin: Kati Kata",
          "Sándor: Sanyi",
          "Ferenc: Feri",
          "György: Gyuri",
          "Mária: Mari Marika",
          // shared across languages
          "Anna: Ania Anya Annie Anka",
          "Maria: Mia Mimi Mari",
          "Elena: Lena",
          "Valentina: Vale Valya",
          "Christian: Chris",
          "Daniela: Dani",
          "Gabriel: Gabe",
          "Veronika: Nika Vera");

  /**
   * People anglicise their names, or a clerk does it for them. Cross-language equivalents, used as
   * one more kind of given-name noise.
   */
  private static final String EQUIVALENTS =
      String.join(
          "\n",
          "John: Juan Johannes Giovanni Jean Jan Ivan Seán János",
          "Joseph: José Giuseppe Józef József Yusuf Youssef",
          "William: Guillermo Wilhelm Willem Guillaume",
          "Peter: Pedro Pierre Piotr Pyotr Pieter Pietro Péter",
          "Michael: Miguel Michel Michał Mikhail Michele Mihály",
          "Alexander: Aleksandr Alejandro Alessandro",
          "Catherine: Katarzyna Yekaterina Caterina Katharina Catharina Katalin",
          "Mary: María Maria Mariya Marie Mária Máire",
          "Stephen: Stefan Esteban István Stefano Stéphane",
          "Eugene: Yevgeniy",
          "Francis: Francisco Francesco François Ferenc",
          "Elizabeth: Elisabeth Isabel Elżbieta Erzsébet Isabelle",
          "Anthony: Antonio Antoine Anton",
          "Mohammed: Muhammad Mohamed Mohammad Muhammed Mehmet",
          "Helen: Elena Yelena Hélène Ilona",
          "Henry: Heinrich Henri Enrique Hendrik Henryk",
          "Paul: Pablo Paolo Pavel Paweł Pál",
          "George: Jorge Giorgio Georges György",
          "Andrew: Andrés Andrea Andreas Andrzej Andrey András");

  private static final Map<String, List<String>> DIMINUTIVES = parse(TABLE);
  private static final Map<String, List<String>> EQUIVALENT = parse(EQUIVALENTS);
  private static final Map<String, List<String>> FORMAL_OF = invert(DIMINUTIVES);

  private static Map<String, List<String>> parse(String table) {
    Map<String, List<String>> map = new HashMap<>();
    for (String line : table.split("\n")) {
      int colon = line.indexOf(':');
      String formal = line.substring(0, colon);
      List<String> forms = List.of(line.substring(colon + 1).trim().split(" "));
      map.put(formal, forms);
    }
    return Collections.unmodifiableMap(map);
  }

  private static Map<String, List<String>> invert(Map<String, List<String>> table) {
    Map<String, List<String>> inverse = new HashMap<>();
    // iterate the source lines, not the map, so list order never depends on hashing
    for (String line : TABLE.split("\n")) {
      String formal = line.substring(0, line.indexOf(':'));
      for (String nick : table.get(formal)) {
        inverse.computeIfAbsent(nick, k -> new ArrayList<>()).add(formal);
      }
    }
    inverse.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(inverse);
  }

  /** Diminutives of a formal given name; empty when the table has none. */
  static List<String> of(String formal) {
    return DIMINUTIVES.getOrDefault(formal, List.of());
  }

  /** Formal names a diminutive may stand for; empty when it is not a known diminutive. */
  static List<String> formalOf(String nickname) {
    return FORMAL_OF.getOrDefault(nickname, List.of());
  }

  /** Names in other languages a person called {@code name} may also go by. */
  static List<String> equivalents(String name) {
    List<String> direct = EQUIVALENT.get(name);
    if (direct != null) {
      return direct;
    }
    for (String line : EQUIVALENTS.split("\n")) {
      String english = line.substring(0, line.indexOf(':'));
      if (EQUIVALENT.get(english).contains(name)) {
        return List.of(english);
      }
    }
    return List.of();
  }

  static int formalNames() {
    return DIMINUTIVES.size();
  }
}
