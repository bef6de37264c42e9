package dev.dualcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} over real HTTP on an ephemeral loopback port, against the CLI's own answers. */
class ServeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLINICIAN_PASSPHRASE = "clinician passphrase for tests";

  @TempDir Path folder;
  private Cli director;
  private Cli clinician;
  private Workspace workspace;
  private CheckServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String directorToken;
  private String clinicianToken;
  private Path store;

  @BeforeEach
  void start() throws Exception {
    store = folder.resolve("store");
    director = new Cli(store);
    assertEquals(0, director.run("init", "--clinic", "Test Clinic").status());
    Path staff = folder.resolve("staff.csv");
    Files.writeString(
        staff,
        "staff_id,role,given_name,family_name\nS0003,clinician,Dana,Whitlock\n"
            + "S0004,clinician,Rafe,Oyelaran\n",
        StandardCharsets.UTF_8);
    Path clients = folder.resolve("clients.csv");
    Files.writeString(
        clients,
        "client_id,given_name,family_name,dob,clinician_id\n"
            + "C000123,William,Turner,1980-04-02,S0003\n"
            + "C000124,Halcyon,Ferrars,1971-09-19,S0004\n",
        StandardCharsets.UTF_8);
    assertEquals(0, director.run("import", "staff", staff.toString()).status());
    assertEquals(0, director.run("import", "clients", clients.toString()).status());
    director.env.put("DUALCHECK_NEW_PASSPHRASE", CLINICIAN_PASSPHRASE);
    Cli.Result added =
        director.run("user", "add", "dana", "--role", "clinician", "--staff-id", "S0003");
    assertEquals(0, added.status(), added::toString);

    Cli.Result token = director.run("user", "token", "dana");
    assertEquals(0, token.status(), token::toString);
    clinicianToken = token.out().strip();
    assertTrue(clinicianToken.startsWith("dct_"), token::toString);
    Cli.Result own = director.run("user", "token", "director");
    assertEquals(0, own.status(), own::toString);
    directorToken = own.out().strip();
    String file = Files.readString(store.resolve(ApiTokens.FILE), StandardCharsets.UTF_8);
    assertFalse(file.contains(clinicianToken), "only a keyed hash is stored");

    clinician = new Cli(store);
    clinician.env.put("DUALCHECK_PASSPHRASE", CLINICIAN_PASSPHRASE);
  }

  /** Starts serve in this JVM; it searches the index without holding its writer. */
  private void startServer() throws Exception {
    StoreOptions options = new StoreOptions();
    options.store = store;
    Main main =
        new Main(
            director.env,
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            new ByteArrayInputStream(new byte[0]),
            director.clock);
    workspace = Workspace.open(main, options);
    server =
        CheckServer.start(
            workspace, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, main);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (workspace != null) {
      workspace.close();
    }
  }

  private HttpResponse<String> postCheck(String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + "check"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersAsTheCliDoesForEachUser() throws Exception {
    String body = "{\"given\": \"Bill\", \"family\": \"Turner\", \"dob\": \"1980-04-02\"}";
    String[] args = {
      "check", "--given", "Bill", "--family", "Turner", "--dob", "1980-04-02", "--json"
    };

    Cli.Result cliDirector = director.run(args);
    assertEquals(1, cliDirector.status(), cliDirector::toString);
    Cli.Result cliClinician = clinician.run(args);
    assertEquals(1, cliClinician.status(), cliClinician::toString);
    Cli.Result cliWithheld =
        clinician.run(
            "check", "--given", "Halcyon", "--family", "Ferrars", "--dob", "1971-09-19", "--json");
    startServer();

    HttpResponse<String> asDirector = postCheck(directorToken, body);
    assertEquals(200, asDirector.statusCode(), asDirector::body);
    assertEquals(
        "application/json; charset=utf-8", asDirector.headers().firstValue("Content-Type").get());
    assertEquals(JSON.readTree(cliDirector.out()), JSON.readTree(asDirector.body()));
    assertEquals(cliDirector.out().strip(), asDirector.body().strip(), "byte for byte");

    HttpResponse<String> asClinician = postCheck(clinicianToken, body);
    assertEquals(200, asClinician.statusCode(), asClinician::body);
    assertEquals(cliClinician.out().strip(), asClinician.body().strip());
    JsonNode finding = JSON.readTree(asClinician.body()).get("findings").get(0);
    assertEquals("C000123", finding.get("ref").asText(), "dana's own client: full detail");

    // another clinician's client: dana gets only the consult line, exactly as on the CLI
    String other = "{\"given\": \"Halcyon\", \"family\": \"Ferrars\", \"dob\": \"1971-09-19\"}";
    HttpResponse<String> withheld = postCheck(clinicianToken, other);
    assertEquals(cliWithheld.out().strip(), withheld.body().strip());
    JsonNode hidden = JSON.readTree(withheld.body()).get("findings").get(0);
    assertTrue(hidden.get("withheld").asBoolean(), withheld::body);
    assertFalse(withheld.body().contains("C000124"), "no client id for another's client");
    assertFalse(withheld.body().contains("Halcyon"), "no names for another's client");
  }

  @Test
  void badRequestsWrongTokensAndUnknownPaths() throws Exception {
    startServer();
    HttpResponse<String> noToken = postCheck(null, "{\"given\": \"Bill\"}");
    assertEquals(401, noToken.statusCode());
    assertEquals("{\"error\":\"missing or wrong token\"}", noToken.body().strip());
    assertTrue(noToken.headers().firstValue("WWW-Authenticate").isPresent());
    assertEquals(401, postCheck("dct_forged", "{\"given\": \"Bill\"}").statusCode());
    assertEquals(401, postCheck(clinicianToken + "x", "{\"given\": \"Bill\"}").statusCode());

    HttpResponse<String> notJson = postCheck(directorToken, "given=Bill");
    assertEquals(400, notJson.statusCode());
    assertEquals("{\"error\":\"the body is not JSON\"}", notJson.body().strip());
    HttpResponse<String> noName = postCheck(directorToken, "{\"dob\": \"1980-04-02\"}");
    assertEquals(400, noName.statusCode());
    assertEquals("{\"error\":\"a person needs a given or family name\"}", noName.body().strip());
    HttpResponse<String> badDate =
        postCheck(directorToken, "{\"given\": \"Bill\", \"dob\": \"02/04/1980\"}");
    assertEquals(400, badDate.statusCode());
    assertFalse(badDate.body().contains("02/04/1980"), "the value is not echoed");
    HttpResponse<String> unknown =
        postCheck(directorToken, "{\"given\": \"Bill\", \"ssn\": \"x\"}");
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("unknown field 'ssn'"), unknown::body);
    HttpResponse<String> asOther =
        postCheck(clinicianToken, "{\"given\": \"Bill\", \"as\": \"S0004\"}");
    assertEquals(403, asOther.statusCode());

    HttpResponse<String> missing =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "admin")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, missing.statusCode());
    assertEquals("{\"error\":\"not found\"}", missing.body().strip());
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "check")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    for (String text :
        new String[] {noToken.body(), notJson.body(), noName.body(), badDate.body()}) {
      assertFalse(text.contains("at dev.dualcheck"), "no stack trace");
    }
  }

  @Test
  void htmlFormPostsAndShowsTheAnswerEscaped() throws Exception {
    startServer();
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url())).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<form method=post action=\"/\">"), page::body);
    assertTrue(page.body().contains("name=token"), "the token travels in the form, not a cookie");
    assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());

    HttpResponse<String> answer =
        postForm(
            Map.of(
                "given", "Bill", "family", "Turner", "dob", "1980-04-02", "token", clinicianToken));
    assertEquals(200, answer.statusCode(), answer::body);
    assertTrue(answer.body().contains("Possible conflicts"), answer::body);
    assertTrue(answer.body().contains("C000123"), answer::body);
    assertFalse(answer.body().contains(clinicianToken), "the token is not echoed");

    HttpResponse<String> hostile =
        postForm(
            Map.of(
                "given", "<script>alert(1)</script>", "family", "\"><b>x", "token", directorToken));
    assertEquals(200, hostile.statusCode(), hostile::body);
    assertFalse(hostile.body().contains("<script>alert(1)"), hostile::body);
    assertTrue(hostile.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), hostile::body);
    assertFalse(hostile.body().contains("\"><b>x"), hostile::body);

    HttpResponse<String> wrong = postForm(Map.of("given", "Bill", "token", "nope"));
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("missing or wrong token"), wrong::body);
  }

  private HttpResponse<String> postForm(Map<String, String> fields) throws Exception {
    String body =
        new LinkedHashMap<>(fields)
            .entrySet().stream()
                .map(
                    e ->
                        URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void checksAndImportsRunBesideServeAndServeSeesTheImport() throws Exception {
    startServer();
    Cli.Result check = director.run("check", "--given", "Bill", "--family", "Turner");
    assertEquals(1, check.status(), check::toString);

    Path later = folder.resolve("later.csv");
    Files.writeString(
        later,
        "client_id,given_name,family_name,dob,clinician_id\n"
            + "C000125,Perpetua,Quennell,1966-02-11,S0003\n",
        StandardCharsets.UTF_8);
    Cli.Result imported = director.run("import", "clients", later.toString());
    assertEquals(0, imported.status(), imported::toString);

    // serve looks for newer commits at most once a second
    String body = "{\"given\": \"Perpetua\", \"family\": \"Quennell\", \"dob\": \"1966-02-11\"}";
    HttpResponse<String> seen = postCheck(directorToken, body);
    for (int tries = 0; tries < 50 && !seen.body().contains("C000125"); tries++) {
      Thread.sleep(100);
      seen = postCheck(directorToken, body);
    }
    assertEquals(200, seen.statusCode(), seen::body);
    assertTrue(seen.body().contains("C000125"), seen::body);
  }

  @Test
  void refusesANonLoopbackAddressWithoutTls() {
    Cli.Result result = director.run("serve", "--bind", "0.0.0.0", "--port", "0");
    assertEquals(2, result.status(), result::toString);
    assertEquals(
        "error: refusing to listen on 0.0.0.0 without TLS: give --tls-keystore and"
            + " --tls-password-file, or bind 127.0.0.1\n",
        result.err());
  }
}
