package dev.dualcheck.index;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real IndexWriter and IndexSearcher work on the encrypted directory, and no term leaks. */
class EncryptedDirectoryLuceneIT {
  /** Made-up words, unlike any real name, that must never appear in a file on disk. */
  private static final List<String> SECRETS =
      List.of("Quexalbrin", "Zorvathiel", "Mirtonquast", "Plovendrake", "Žofiąqurëlle");

  private static final FieldType TEXT_WITH_VECTORS = new FieldType(TextField.TYPE_STORED);

  static {
    TEXT_WITH_VECTORS.setStoreTermVectors(true);
    TEXT_WITH_VECTORS.setStoreTermVectorPositions(true);
    TEXT_WITH_VECTORS.freeze();
  }

  @TempDir Path folder;

  private final Random random = new Random(42);
  private final byte[] key = randomKey(random);

  private static byte[] randomKey(Random random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return key;
  }

  private static Document doc(int i) {
    Document d = new Document();
    String id = String.format(Locale.ROOT, "D%06d", i);
    d.add(new StringField("id", id, Field.Store.YES));
    String secret = SECRETS.get(i % SECRETS.size());
    d.add(new Field("name", secret + " word" + (i % 7) + " common", TEXT_WITH_VECTORS));
    d.add(new TextField("note", "seen on day " + i + " with " + secret, Field.Store.NO));
    d.add(new SortedDocValuesField("family", new BytesRef(secret)));
    d.add(new NumericDocValuesField("n", i));
    d.add(new IntPoint("year", 1950 + i % 60));
    d.add(new StoredField("raw", secret.getBytes(UTF_8)));
    return d;
  }

  private static long count(IndexSearcher searcher, String field, String word) throws IOException {
    return searcher.count(new TermQuery(new Term(field, word)));
  }

  @ParameterizedTest(name = "merges={0} compound={1}")
  @CsvSource({"none,false", "none,true", "tiered,false", "tiered,true"})
  void indexWriterAndSearcherRoundTrip(String merges, boolean compound) throws Exception {
    int docs = 900;
    try (EncryptedDirectory dir = EncryptedDirectory.open(folder, key)) {
      IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
      config.setUseCompoundFile(compound);
      if (merges.equals("none")) {
        config.setMergePolicy(NoMergePolicy.INSTANCE);
      } else {
        TieredMergePolicy tiered = new TieredMergePolicy();
        tiered.setSegmentsPerTier(2);
        tiered.setNoCFSRatio(compound ? 1.0 : 0.0);
        config.setMergePolicy(tiered);
      }
      config.setMaxBufferedDocs(100);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (int i = 0; i < docs / 2; i++) {
          writer.addDocument(doc(i));
        }
        writer.commit();
        DirectoryReader reader = DirectoryReader.open(dir);
        assertEquals(docs / 2, reader.numDocs());
        for (int i = docs / 2; i < docs; i++) {
          writer.addDocument(doc(i));
        }
        writer.deleteDocuments(new Term("id", "D000003"));
        writer.updateDocument(new Term("id", "D000004"), doc(4));
        writer.commit();
        DirectoryReader newer = DirectoryReader.openIfChanged(reader);
        assertNotNull(newer);
        reader.close();
        assertNull(DirectoryReader.openIfChanged(newer));
        assertEquals(docs - 1, newer.numDocs());
        checkSearches(new IndexSearcher(newer), docs);
        newer.close();
        if (merges.equals("tiered")) {
          writer.forceMerge(1);
          writer.commit();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        if (merges.equals("tiered")) {
          assertEquals(1, reader.leaves().size());
        } else {
          assertTrue(reader.leaves().size() > 1);
        }
        checkSearches(new IndexSearcher(reader), docs);
        IndexSearcher searcher = new IndexSearcher(reader);
        int hit = searcher.search(new TermQuery(new Term("id", "D000012")), 1).scoreDocs[0].doc;
        Document stored = searcher.storedFields().document(hit);
        assertEquals("D000012", stored.get("id"));
        assertEquals(SECRETS.get(2), stored.getBinaryValue("raw").utf8ToString());
      }
      for (String name : dir.listAll()) {
        if (!name.equals(IndexWriter.WRITE_LOCK_NAME)) {
          try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
            CodecUtil.checksumEntireFile(in);
          }
        }
      }
      try (CheckIndex check = new CheckIndex(dir)) {
        assertTrue(check.checkIndex().clean);
      }
      dir.verifyAll();
    }
    // a fresh directory over the same files with the same key reads them
    try (EncryptedDirectory again = EncryptedDirectory.open(folder, key);
        DirectoryReader reader = DirectoryReader.open(again)) {
      checkSearches(new IndexSearcher(reader), docs);
    }
    // and with another key it refuses them
    try (EncryptedDirectory other = EncryptedDirectory.open(folder, randomKey(new Random(7)))) {
      CorruptIndexException e =
          assertThrows(CorruptIndexException.class, () -> DirectoryReader.open(other));
      assertTrue(e.getMessage().contains("segments_"), e.getMessage());
    }
  }

  private static void checkSearches(IndexSearcher searcher, int docs) throws IOException {
    // deleted D000003 (Plovendrake), updated D000004 (still one)
    assertEquals(docs / 5 - 1, count(searcher, "name", "plovendrake"));
    assertEquals(docs / 5, count(searcher, "name", "quexalbrin"));
    assertEquals(docs - 1, count(searcher, "name", "common"));
    assertEquals(1, count(searcher, "id", "D000004"));
    assertEquals(0, count(searcher, "id", "D000003"));
    PhraseQuery phrase = new PhraseQuery("note", "day", "17");
    assertEquals(1, searcher.count(phrase));
    BooleanQuery both =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("name", "zorvathiel")), BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term("name", "word1")), BooleanClause.Occur.MUST)
            .build();
    long expected = 0;
    for (int i = 0; i < docs; i++) {
      if (i % 5 == 1 && i % 7 == 1) {
        expected++;
      }
    }
    assertEquals(expected, searcher.count(both));
    assertEquals(docs / 60, searcher.count(IntPoint.newRangeQuery("year", 1950, 1950)));
  }

  /**
   * Searcher threads racing on a cache far smaller than the index find what a plain index finds.
   */
  @Test
  void concurrentSearchesMatchPlainIndex() throws Exception {
    try (Directory plain = new ByteBuffersDirectory();
        EncryptedDirectory encrypted =
            new EncryptedDirectory(new NIOFSDirectory(folder), key, 12, 64 << 10)) {
      for (Directory dir : List.of(plain, encrypted)) {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
        config.setMergePolicy(NoMergePolicy.INSTANCE);
        config.setMaxBufferedDocs(500);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
          for (int i = 0; i < 3000; i++) {
            writer.addDocument(doc(i));
          }
        }
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try (DirectoryReader p = DirectoryReader.open(plain);
          DirectoryReader e = DirectoryReader.open(encrypted)) {
        IndexSearcher expected = new IndexSearcher(p);
        IndexSearcher actual = new IndexSearcher(e, pool);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          runs.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 300; i++) {
                      int n = (i * 7 + thread * 13) % 3000;
                      Query q =
                          new BooleanQuery.Builder()
                              .add(
                                  new TermQuery(new Term("note", Integer.toString(n))),
                                  BooleanClause.Occur.SHOULD)
                              .add(
                                  new TermQuery(new Term("name", "word" + (n % 7))),
                                  BooleanClause.Occur.SHOULD)
                              .build();
                      TopDocs a = expected.search(q, 5);
                      TopDocs b = new IndexSearcher(e).search(q, 5);
                      assertEquals(a.totalHits, b.totalHits);
                      for (int k = 0; k < a.scoreDocs.length; k++) {
                        assertEquals(a.scoreDocs[k].doc, b.scoreDocs[k].doc);
                        assertEquals(
                            expected.storedFields().document(a.scoreDocs[k].doc).get("id"),
                            actual.storedFields().document(b.scoreDocs[k].doc).get("id"));
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> run : runs) {
          run.get();
        }
        assertEquals(3000 / 7 + 1, actual.count(new TermQuery(new Term("name", "word0"))));
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void noSecretWordOnDisk() throws Exception {
    Path plainFolder = folder.resolve("plain");
    Path encryptedFolder = folder.resolve("encrypted");
    for (Path where : List.of(plainFolder, encryptedFolder)) {
      try (Directory dir =
              where == plainFolder
                  ? new NIOFSDirectory(where)
                  : EncryptedDirectory.open(where, key);
          IndexWriter writer =
              new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (int i = 0; i < 300; i++) {
          writer.addDocument(doc(i));
        }
        writer.commit();
      }
    }
    // the scan can fail: in a plain index it finds the words
    assertFalse(leaks(plainFolder).isEmpty());
    assertEquals(List.of(), leaks(encryptedFolder));
  }

  /** Files under {@code root} containing a secret or a 5-character piece of one, as UTF-8. */
  private static List<String> leaks(Path root) throws IOException {
    List<byte[]> needles = new ArrayList<>();
    for (String secret : SECRETS) {
      for (String form : List.of(secret, secret.toLowerCase(Locale.ROOT))) {
        for (int i = 0; i + 5 <= form.length(); i++) {
          needles.add(form.substring(i, i + 5).getBytes(UTF_8));
        }
      }
    }
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        for (byte[] needle : needles) {
          if (indexOf(bytes, needle) >= 0) {
            found.add(file.getFileName() + ": " + new String(needle, UTF_8));
          }
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
