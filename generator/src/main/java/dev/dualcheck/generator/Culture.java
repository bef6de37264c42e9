package dev.dualcheck.generator;

import java.util.SplittableRandom;

/**
 * Name pools of the clinic's population, each list in rough order of frequency so that a Zipf-like
 * draw makes common names common. An underscore stands for a space inside one name (compound given
 * names, particles). Lists are common names only, no real person's record.
 */
enum Culture {
  ENGLISH(
      34,
      "James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel"
          + " Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George"
          + " Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen"
          + " Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond"
          + " Jack Dennis Jerry Tyler Aaron Henry Peter Nathan Douglas Zachary Walter Harold Kyle"
          + " Carl Arthur Gerald Roger Keith Lawrence Terry Albert Austin Ethan Theodore Frederick"
          + " Alfred Nathaniel Oliver Francis",
      "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty"
          + " Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa"
          + " Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna"
          + " Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Rachel Carolyn Janet"
          + " Catherine Heather Diane Victoria Abigail Judith Rose Jacqueline Alexandra Penelope"
          + " Josephine Harriet Eleanor Susannah",
      "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore"
          + " Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King"
          + " Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips"
          + " Campbell Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell"
          + " Murphy Bailey Cooper Richardson Cox Howard Ward Peterson Gray Watson Brooks Kelly"
          + " Sanders Price Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long"
          + " Patterson Hughes Fisher Myers Ford Hamilton Graham Sullivan Wallace Woods West Cole"
          + " Jordan Reynolds Marshall Owens Harrison Gibson Ellis Hunt Palmer Smyth Thomson",
      "Ash Black Brad Brom Cald Craw Dun Fair Har Hol Kings Lang Mar Nor Pem Rad Red Sel Stan"
          + " Thorn Wal Whit Wint Ack Bur Chat Ever Gold Hart Mid",
      "ford ley ton well wood by field ham wick worth more combe den stead ridge"),
  SPANISH(
      14,
      "José Juan Antonio Manuel Francisco Luis Carlos Javier Jesús Miguel Alejandro Rafael Pedro"
          + " Ángel Fernando Pablo Sergio Jorge Alberto Diego Ricardo Eduardo Raúl Enrique Ramón"
          + " Andrés Víctor Roberto Guillermo Ignacio Santiago Mateo Emilio Joaquín Gonzalo"
          + " José_Luis Juan_Carlos Luis_Miguel Héctor Arturo",
      "María Carmen Ana Isabel Laura Lucía Marta Cristina Elena Rosa Pilar Dolores Teresa"
          + " Patricia Sofía Paula Raquel Beatriz Mercedes Concepción Guadalupe Alejandra Verónica"
          + " Gabriela Adriana Daniela Valentina Ximena Mónica Silvia Julia Inés Natalia María_José"
          + " María_del_Carmen Ana_María Rocío Consuelo Esperanza Leticia Rosario",
      "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez"
          + " Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres"
          + " Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega"
          + " Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo"
          + " Santos Lozano Guerrero Cano Prieto Méndez Cruz Flores Herrera Peña León Márquez"
          + " Cabrera Gallego Calvo Vidal Campos Reyes Vega Fuentes Carrasco Aguilar Nieto Rivera"
          + " Mendoza Vargas de_la_Cruz del_Río de_la_Vega",
      "",
      ""),
  IRISH(
      5,
      "Seán Patrick Michael John Liam Conor Ciarán Declan Eoin Padraig Cathal Niall Ronan Cian"
          + " Oisín Darragh Fionn Colm Brendan Kevin Dermot Fergal Kieran Aidan Séamus Diarmuid"
          + " Eamon Donal Tadhg Brian",
      "Mary Siobhán Aoife Niamh Saoirse Caoimhe Róisín Sinéad Máire Bridget Orla Clodagh Gráinne"
          + " Aisling Ciara Deirdre Eimear Fiona Maeve Nuala Úna Áine Sorcha Catherine Eileen"
          + " Margaret Kathleen Nora Sheila Ailbhe",
      "Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor O'Neill O'Reilly Doyle McCarthy"
          + " Gallagher O'Doherty Kennedy Lynch Murray Quinn McLoughlin O'Carroll Connolly Daly"
          + " O'Connell Dunne Brennan Burke Fitzgerald Maguire Nolan Flynn O'Callaghan O'Donnell"
          + " Duffy O'Mahony Boyle Healy O'Shea Sweeney Hayes Kavanagh Power McGrath Moran Brady"
          + " Casey Foley Fitzpatrick O'Leary McDonnell MacMahon Donnelly Regan Donovan Flanagan"
          + " Mullan Barry Kane Cunningham Sheehan Whelan Lyons Cullen Keane Maher McKenna Hogan"
          + " O'Keeffe Magee McNamara MacDermott O'Rourke Buckley O'Dwyer",
      "",
      ""),
  GERMAN(
      7,
      "Thomas Michael Andreas Stefan Christian Peter Klaus Wolfgang Jürgen Hans Johannes"
          + " Matthias Markus Frank Uwe Dieter Günter Jörg Sebastian Tobias Lukas Maximilian Felix"
          + " Jonas Florian Friedrich Heinrich Karl Ralf Bernd Horst Manfred Dietrich Jan Tim"
          + " Niklas Moritz Benedikt Ulrich Wilhelm",
      "Maria Ursula Monika Petra Sabine Andrea Claudia Susanne Birgit Katharina Anna Julia Lena"
          + " Laura Sophie Lea Hannah Christiane Gisela Brigitte Renate Ingrid Helga Jutta Karin"
          + " Stefanie Franziska Johanna Magdalena Margarete Dorothea Elisabeth Gertrud Anke Silke"
          + " Heike Ute Jana Svenja Charlotte",
      "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch"
          + " Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann"
          + " Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier"
          + " Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller"
          + " Weiß Jung Hahn Vogel Keller Günther Berger Winkler Roth Beck Lorenz Baumann Franke"
          + " Albrecht Schuster Ludwig Böhm Winter Kraus Schumacher Krämer Vogt Stein Jäger"
          + " Sommer Groß Seidel Brandt Haas Schreiber Graf Schulte Ziegler Kuhn Kühn Pohl Engel"
          + " von_Bergen",
      "Alt Bach Berg Blum Eisen Feld Gold Gross Hart Hoch Klein Lind Rosen Schön Stein Wald"
          + " Weiß Wies Brück Dorn Eich Fried Grün Kirch Lich",
      "mann berger feld hof inger meier stein thal baum hauser bach ner"),
  ITALIAN(
      6,
      "Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo"
          + " Franco Domenico Bruno Paolo Michele Giorgio Aldo Sergio Luciano Alessandro Andrea"
          + " Marco Matteo Lorenzo Leonardo Riccardo Davide Stefano Roberto Massimo Fabio"
          + " Gabriele Simone Emanuele Federico Nicola Enrico Raffaele Tommaso",
      "Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca"
          + " Antonietta Carla Elena Concetta Rita Margherita Franca Paola Giulia Chiara Sara"
          + " Martina Alessia Elisa Federica Valentina Silvia Roberta Simona Laura Alessandra"
          + " Beatrice Sofia Aurora Ginevra Gabriella Luisa Patrizia Daniela",
      "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti"
          + " De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro"
          + " Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale"
          + " Lombardo Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferraro"
          + " Ferri Fabbri Bianco Marini Grasso Valentini Messina Sala De_Angelis Gatti"
          + " Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo Morelli Amato Silvestri Mazza"
          + " Testa Grassi Carbone Giuliani Benedetti Barone Caputo Guerra Palmieri D'Amico",
      "",
      ""),
  FRENCH(
      4,
      "Jean Pierre Michel André Philippe René Louis Alain Jacques Bernard Marcel Daniel Roger"
          + " Paul Claude Christian Henri Georges Nicolas François Patrick Éric Frédéric Laurent"
          + " Stéphane Julien Sébastien Olivier Thierry Christophe Pascal Guillaume Antoine"
          + " Mathieu Jean-Pierre Jean-Claude Jean-Luc Jean-Marc Hugo Théo Lucas Gabriel Raphaël"
          + " Clément",
      "Marie Jeanne Françoise Monique Catherine Nathalie Isabelle Sylvie Jacqueline Anne Martine"
          + " Nicole Christine Valérie Sandrine Sophie Céline Stéphanie Julie Aurélie Camille Léa"
          + " Manon Chloé Emma Inès Hélène Élodie Émilie Brigitte Chantal Dominique Geneviève"
          + " Marie-Claire Marie-Christine Anne-Marie Marguerite Mathilde Juliette Margaux",
      "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel"
          + " Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert"
          + " Fontaine Rousseau Vincent Lefèvre Faure Mercier Blanc Guérin Boyer Garnier"
          + " Chevalier Legrand Gauthier Perrin Robin Clément Morin Roussel Masson Marchand Duval"
          + " Dumont Lemaire Noël Dufour Meunier Brun Blanchard Giraud Joly Rivière Brunet"
          + " Gaillard Barbier Arnaud Gérard Roche Renard Leclerc Le_Gall Le_Goff de_la_Fontaine"
          + " Lévêque Benoît",
      "",
      ""),
  POLISH(
      5,
      "Piotr Krzysztof Andrzej Tomasz Paweł Jan Michał Marcin Stanisław Jakub Adam Marek Łukasz"
          + " Grzegorz Mateusz Wojciech Mariusz Dariusz Zbigniew Jerzy Maciej Rafał Kamil Robert"
          + " Józef Szymon Tadeusz Kacper Bartosz Dawid Sebastian Przemysław Ryszard Jacek"
          + " Sławomir Wiesław Mirosław Henryk Bogdan",
      "Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Magdalena Joanna"
          + " Zofia Aleksandra Monika Teresa Danuta Natalia Karolina Marta Beata Dorota Halina"
          + " Jadwiga Janina Irena Grażyna Jolanta Iwona Alicja Justyna Paulina Urszula Renata"
          + " Wiktoria Zuzanna Agata Weronika Julia Sylwia Hanna",
      "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański"
          + " Woźniak Dąbrowski Kozłowski Jankowski Mazur Wojciechowski Kwiatkowski Krawczyk"
          + " Kaczmarek Piotrowski Grabowski Zając Pawłowski Michalski Król Wieczorek Jabłoński"
          + " Wróbel Nowakowski Majewski Olszewski Stępień Malinowski Jaworski Adamczyk Dudek"
          + " Nowicki Pawlak Górski Witkowski Walczak Sikora Baran Rutkowski Michalak Szewczyk"
          + " Ostrowski Tomaszewski Pietrzak Zalewski Wróblewski Marciniak Jasiński Zawadzki"
          + " Jakubowski Sadowski Duda Wilk Chmielewski Sokołowski Sawicki Lis Czarnecki",
      "Bor Dąb Gor Jar Kos Lip Mal Nad Ost Rud Sad Sok Wol Zar Brzez Chmiel Grab Krze",
      "owski ewski iński czyk iak ecki ak"),
  RUSSIAN(
      4,
      "Aleksandr Sergey Dmitriy Andrey Aleksey Maksim Yevgeniy Ivan Mikhail Artyom Nikolay"
          + " Vladimir Pavel Denis Roman Igor Oleg Konstantin Viktor Yuriy Anton Ilya Kirill"
          + " Vadim Vitaliy Gennadiy Boris Grigoriy Leonid Stanislav Fyodor Timur Nikita Yegor"
          + " Arkadiy Valeriy Anatoliy Vyacheslav Pyotr Stepan",
      "Yelena Olga Natalya Tatyana Irina Svetlana Yekaterina Anna Mariya Yuliya Anastasiya"
          + " Lyudmila Galina Marina Nadezhda Oksana Viktoriya Darya Polina Alina Kseniya"
          + " Valentina Larisa Lyubov Zoya Vera Raisa Nina Inna Alla Sofiya Ulyana Yevgeniya"
          + " Veronika Alyona Margarita Taisiya Zhanna Yana Kristina",
      "Ivanov Smirnov Kuznetsov Popov Vasilyev Petrov Sokolov Mikhaylov Novikov Fyodorov"
          + " Morozov Volkov Alekseyev Lebedev Semyonov Yegorov Pavlov Kozlov Stepanov Nikolayev"
          + " Orlov Andreyev Makarov Nikitin Zakharov Zaytsev Solovyov Borisov Yakovlev"
          + " Grigoryev Romanov Vorobyov Sergeyev Kuzmin Frolov Aleksandrov Dmitriyev Korolyov"
          + " Gusev Kiselyov Ilyin Maksimov Polyakov Sorokin Vinogradov Kovalyov Belov Medvedev"
          + " Antonov Tarasov Zhukov Baranov Filippov Komarov Davydov Belyayev Gerasimov"
          + " Bogdanov Osipov Sidorov Khokhlov Chaykovskiy",
      "Bel Vol Gor Zhur Kras Lap Mor Nov Rud Sid Tsar Shchuk Yar Zel Kost Lys",
      "ov yev in skiy"),
  DUTCH(
      3,
      "Jan Johannes Cornelis Hendrik Willem Pieter Gerrit Jacobus Adrianus Dirk Hans Peter Kees"
          + " Bram Daan Sem Lars Ruben Thijs Joost Maarten Sander Bas Wouter Niels Jeroen Martijn"
          + " Stijn Tom Luuk Koen Rutger Floris Sjoerd Gijs Jesse Abraham",
      "Maria Johanna Anna Cornelia Wilhelmina Elisabeth Hendrika Catharina Geertruida"
          + " Petronella Anke Annelies Marloes Femke Sanne Lotte Eva Julia Sophie Emma Tess Anouk"
          + " Fleur Lieke Ilse Esther Inge Ingrid Karin Mirjam Saskia Linda Marieke Roos Maartje"
          + " Nienke Liesbeth Jolanda Ellen Wendy",
      "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer"
          + " Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra"
          + " Smits de_Graaf van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen"
          + " van_den_Heuvel van_der_Veen van_den_Broek de_Bruijn van_der_Heijden Schouten"
          + " van_Beek Willems van_Vliet van_de_Ven Hoekstra Maas Verhoeven Koster van_Dam"
          + " van_der_Wal Prins Blom Huisman de_Ruiter van_Rijn van_den_Bosch ter_Horst",
      "Berg Broek Dijk Hoog Kamp Kerk Linden Molen Zand Veld Heuvel Bosch",
      "hof huis man sma stra ink"),
  ARABIC(
      5,
      "Mohammed Ahmed Ali Omar Hassan Hussein Khalid Mahmoud Mustafa Youssef Ibrahim Abdullah"
          + " Abdul_Rahman Karim Tariq Samir Nabil Walid Faisal Hamza Bilal Rashid Jamal Adel Amir"
          + " Ziad Fadi Rami Sami Majid Nasser Salim Anwar Ayman Hisham Osama Yasser Zaid Imad",
      "Fatima Aisha Maryam Zainab Khadija Layla Noor Huda Amira Yasmin Rania Salma Hana Sara"
          + " Mona Dina Rana Lina Nadia Samira Leila Farah Jamila Reem Hiba Asma Iman Ghada Suha"
          + " Rasha Dalia Yara Malak Nadine Razan Aya Mariam Sana",
      "Al-Sayed Hassan Mohamed Ali Ahmed Ibrahim Mahmoud Abdullah Khalil Haddad Mansour Saleh"
          + " Nasser Khoury Al-Masri Al-Hashimi El-Amin Al-Rashid Farouk Hamdan Yousef Qasim"
          + " Aziz Darwish Al-Najjar Al-Khatib Saad Suleiman Othman Hamad El-Sayed Zaki Taha"
          + " Issa Awad Shaheen Al-Tamimi Al-Shami Barakat Hijazi Jaber Nassar Sabbagh Al-Farsi"
          + " Abboud Karam Al-Zahrani Abdel-Aziz",
      "",
      ""),
  VIETNAMESE(
      4,
      "Anh Bảo Cường Dũng Đức Hải Hiếu Hoàng Hùng Huy Khánh Khoa Long Minh Nam Phong Phúc Quang"
          + " Quân Sơn Tâm Thắng Thành Thịnh Tiến Toàn Trung Tuấn Việt Vinh",
      "Anh Chi Dung Giang Hà Hằng Hạnh Hoa Hương Huyền Lan Linh Loan Mai My Nga Ngọc Nhung Oanh"
          + " Phương Quỳnh Thảo Thu Thủy Trang Trinh Uyên Vân Yến Xuân",
      "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lâm"
          + " Mai Đoàn Cao Lưu Tạ Châu",
      "",
      ""),
  TURKISH(
      3,
      "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan"
          + " Halil Süleyman Abdullah Mahmut Recep Salih Fatih Kadir Emre Hakan Burak Serkan Uğur"
          + " Yasin Emir Kerem Oğuz Çağlar Barış Gökhan Volkan Tolga Cem Can Onur Eren Işık",
      "Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Havva Zeliha"
          + " Esra Özlem Hacer Yasemin Rabia Leyla Gülsüm Dilek Büşra Cemile Sevgi Songül Tuğba"
          + " Gülşen Derya Sibel Ebru Aysel Nurcan Şeyma Çiğdem Gül Filiz Hülya Nesrin Pınar İpek",
      "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç"
          + " Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can"
          + " Acar Şen Aktaş Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Gül Özer Işık"
          + " Kaplan Avcı Sarı Tekin Taş Köse Yüksel Ateş Aksoy İnce",
      "",
      ""),
  HUNGARIAN(
      2,
      "László István József János Zoltán Sándor Gábor Ferenc Attila Péter Tamás Zsolt Tibor"
          + " András Csaba Imre Lajos György Balázs Róbert Mihály Győző Béla Miklós Dániel Ádám"
          + " Bence Máté Levente Gergő Dávid Krisztián Norbert Ákos Szabolcs",
      "Mária Erzsébet Katalin Ilona Éva Anna Zsuzsanna Margit Judit Ágnes Andrea Erika"
          + " Krisztina Ildikó Eszter Irén Gabriella Piroska Edit Tímea Viktória Anikó Szilvia"
          + " Mónika Rozália Nóra Zsófia Réka Dóra Hanna Boglárka Lilla Petra Orsolya Csilla"
          + " Gizella Enikő Tünde Hajnalka",
      "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász"
          + " Lakatos Mészáros Oláh Simon Rácz Fekete Szilágyi Török Fehér Balázs Gál Kis Szűcs"
          + " Kocsis Pintér Fodor Szalai Sipos Magyar Lukács Gulyás Bíró Király Katona Jakab"
          + " Boros Fazekas Kelemen Antal Somogyi Orosz Fülöp Veres Hegedűs Deák Szőke Vörös"
          + " Lengyel Bognár Halász Székely Gáspár Erdős Győri",
      "",
      ""),
  CHINESE(
      4,
      "Wei Jun Hao Lei Jie Tao Ming Yong Qiang Jian Bo Chao Gang Hui Peng Xin Yang Long Feng"
          + " Zhiwei Jianguo Xiaoming Haoran Zihan Yuxuan",
      "Fang Jing Li Min Ying Yan Hua Juan Xia Ling Hong Mei Lan Yun Qian Xiu Na Ting Xiaoling"
          + " Xiaoyan Yuqing Zixuan Meiling",
      "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo"
          + " Zheng Liang Xie Song Tang Han Feng Deng Cao Ng Chan Wong Cheung Leung",
      "",
      "");

  final int weight;
  final Zipf male;
  final Zipf female;
  final Zipf family;
  private final String[] tailStems;
  private final String[] tailEndings;

  Culture(int weight, String male, String female, String family, String stems, String endings) {
    this.weight = weight;
    this.male = new Zipf(split(male));
    this.female = new Zipf(split(female));
    this.family = new Zipf(split(family));
    this.tailStems = split(stems);
    this.tailEndings = split(endings);
  }

  private static String[] split(String list) {
    if (list.isEmpty()) {
      return new String[0];
    }
    String[] names = list.trim().split(" +");
    for (int i = 0; i < names.length; i++) {
      names[i] = names[i].replace('_', ' ');
    }
    return names;
  }

  /** Real surname distributions have a long tail of rare names: compose one where we can. */
  String familyName(SplittableRandom rnd) {
    if (tailStems.length > 0 && rnd.nextInt(100) < 18) {
      return tailStems[rnd.nextInt(tailStems.length)]
          + tailEndings[rnd.nextInt(tailEndings.length)];
    }
    return family.draw(rnd);
  }

  String givenName(SplittableRandom rnd, boolean female) {
    return (female ? this.female : male).draw(rnd);
  }

  private static final Culture[] VALUES = values();
  private static final int TOTAL_WEIGHT;

  static {
    int total = 0;
    for (Culture c : VALUES) {
      total += c.weight;
    }
    TOTAL_WEIGHT = total;
  }

  static Culture draw(SplittableRandom rnd) {
    int pick = rnd.nextInt(TOTAL_WEIGHT);
    for (Culture c : VALUES) {
      pick -= c.weight;
      if (pick < 0) {
        return c;
      }
    }
    throw new AssertionError("weights exhausted");
  }

  /**
   * Zipf–Mandelbrot draw over a frequency-ordered list: P(k) ∝ 1/(k+q). The offset q keeps the head
   * realistic (the top surname of a culture near 4%, not 20%).
   */
  static final class Zipf {
    private static final double OFFSET = 8.0;
    final String[] names;
    private final double[] cumulative;

    Zipf(String[] names) {
      this.names = names;
      this.cumulative = new double[names.length];
      double sum = 0;
      for (int k = 0; k < names.length; k++) {
        sum += 1.0 / (k + 1 + OFFSET);
        cumulative[k] = sum;
      }
      for (int k = 0; k < names.length; k++) {
        cumulative[k] /= sum;
      }
    }

    String draw(SplittableRandom rnd) {
      double u = rnd.nextDouble();
      int lo = 0;
      int hi = names.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] < u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return names[lo];
    }
  }
}
