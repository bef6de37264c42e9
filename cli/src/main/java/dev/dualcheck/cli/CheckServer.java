package dev.dualcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.dualcheck.api.Person;
import dev.dualcheck.policy.Disclosure;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.Role;
import dev.dualcheck.store.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The HTTP side of {@code serve}: {@code POST /check} (JSON) and the form at {@code /}. One request
 * at a time (the store and index are not shared between threads). Errors are one JSON line or a
 * short page with the reason; never a stack trace, never the request's personal data.
 */
final class CheckServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;
  private static final List<String> KINDS = List.of("acquaintance", "intake", "referral", "hire");

  private final HttpServer server;
  private final Workspace workspace;
  private final Main main;
  private final ApiTokens tokens;
  private final String scheme;

  private CheckServer(HttpServer server, Workspace workspace, Main main, String scheme) {
    this.server = server;
    this.workspace = workspace;
    this.main = main;
    this.tokens = new ApiTokens(workspace.store);
    this.scheme = scheme;
  }

  /** Listens on the address (HTTPS when tls is given) and answers until closed. */
  static CheckServer start(
      Workspace workspace, InetSocketAddress address, SSLContext tls, Main main)
      throws IOException {
    workspace.index(); // open and catch up the index now, not on the first request
    HttpServer http;
    if (tls != null) {
      HttpsServer https = HttpsServer.create(address, 16);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      http = https;
    } else {
      http = HttpServer.create(address, 16);
    }
    CheckServer server = new CheckServer(http, workspace, main, tls != null ? "https" : "http");
    http.createContext("/", server::handle);
    http.setExecutor(null); // the dispatcher thread: one request at a time
    http.start();
    return server;
  }

  String url() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return scheme + "://" + host + ":" + address.getPort() + "/";
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A request that gets an error answer: status and a reason without personal data. */
  private static final class Refusal extends Exception {
    final int status;

    Refusal(int status, String reason) {
      super(reason, null, false, false);
      this.status = status;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      boolean page = path.equals("/");
      try {
        if (path.equals("/check")) {
          requireMethod(exchange, "POST");
          apiCheck(exchange);
        } else if (page && exchange.getRequestMethod().equals("GET")) {
          sendPage(exchange, 200, form(Map.of(), null));
        } else if (page) {
          requireMethod(exchange, "POST");
          formCheck(exchange);
        } else {
          throw new Refusal(404, "not found");
        }
      } catch (Refusal r) {
        if (page) {
          sendPage(
              exchange,
              r.status,
              form(Map.of(), "<p class=error>" + escape(r.getMessage()) + "</p>"));
        } else {
          sendError(exchange, r.status, r.getMessage());
        }
      } catch (IOException | RuntimeException e) {
        // the message may quote data: the log gets the type only
        main.err.println("serve: internal error " + e.getClass().getName());
        main.err.flush();
        if (page) {
          sendPage(exchange, 500, form(Map.of(), "<p class=error>internal error</p>"));
        } else {
          sendError(exchange, 500, "internal error");
        }
      }
    } finally {
      exchange.close();
    }
  }

  private static void requireMethod(HttpExchange exchange, String method) throws Refusal {
    if (!exchange.getRequestMethod().equals(method)) {
      exchange.getResponseHeaders().set("Allow", method);
      throw new Refusal(405, "use " + method);
    }
  }

  // ---------------------------------------------------------------- JSON API

  private void apiCheck(HttpExchange exchange) throws IOException, Refusal {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String token =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring("Bearer ".length()).strip()
            : null;
    User user = authenticate(exchange, token);
    JsonNode body;
    try {
      body = JSON.readTree(readBody(exchange));
    } catch (JsonProcessingException e) {
      throw new Refusal(400, "the body is not JSON");
    }
    if (body == null || !body.isObject()) {
      throw new Refusal(400, "expected a JSON object with the person's fields");
    }
    Map<String, String> values = new LinkedHashMap<>();
    String as = null;
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String name = field.getKey();
      if (!field.getValue().isTextual()) {
        throw new Refusal(400, "field '" + safeName(name) + "': expected a string");
      }
      if (name.equals("as")) {
        as = field.getValue().asText();
      } else if (CheckAnswer.FIELDS.containsKey(name)) {
        values.put(name, field.getValue().asText());
      } else {
        throw new Refusal(
            400,
            "unknown field '"
                + safeName(name)
                + "': expected "
                + String.join(", ", CheckAnswer.FIELDS.keySet())
                + " or as");
      }
    }
    CheckAnswer answer = answer(user, values, as);
    byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    send(exchange, 200, json);
  }

  /** A field name is chosen by the caller, not personal data; still, keep it short and plain. */
  private static String safeName(String name) {
    String plain = name.replaceAll("[^A-Za-z0-9_]", "?");
    return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
  }

  private User authenticate(HttpExchange exchange, String token) throws IOException, Refusal {
    Optional<String> name = tokens.userOf(token);
    Optional<User> user = Optional.empty();
    if (name.isPresent()) {
      user =
          workspace.store.listUsers().stream().filter(u -> u.name().equals(name.get())).findFirst();
    }
    if (user.isEmpty()) {
      workspace.store.audit("denied", null, null, "serve: missing or wrong token");
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"dualcheck\"");
      throw new Refusal(401, "missing or wrong token");
    }
    return user.get();
  }

  /** The same checks and answer as {@code dualcheck check} run by that user. */
  private CheckAnswer answer(User user, Map<String, String> values, String as)
      throws IOException, Refusal {
    if (user.role() != Role.DIRECTOR && user.role() != Role.CLINICIAN) {
      workspace.store.audit("denied", null, null, "serve: check by " + user.role());
      throw new Refusal(403, "access denied: " + Access.roleName(user.role()) + " may not check");
    }
    if (as != null
        && !as.isBlank()
        && user.role() == Role.CLINICIAN
        && !as.strip().equals(user.staffId())) {
      workspace.store.audit("denied", null, null, "serve: check as another clinician");
      throw new Refusal(403, "access denied: clinician may not check as another clinician");
    }
    ClinicRecord contact =
        CheckAnswer.contact(
            values, as != null && !as.isBlank() ? as : user.staffId(), workspace.store);
    try {
      // the builder names the bad field without quoting it
      Person.builder()
          .given(contact.get("given_name"))
          .family(contact.get("family_name"))
          .dob(contact.get("dob"))
          .kind(contact.get("kind"))
          .build();
    } catch (IllegalArgumentException e) {
      throw new Refusal(400, e.getMessage());
    }
    return CheckAnswer.ask(workspace, user, contact, main.clock);
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException, Refusal {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new Refusal(413, "the body is larger than " + MAX_BODY + " bytes");
      }
      return body;
    }
  }

  private static void sendError(HttpExchange exchange, int status, String reason)
      throws IOException {
    ObjectNode error = JSON.createObjectNode().put("error", reason);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    send(
        exchange, status, (JSON.writeValueAsString(error) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    headers.set(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  // ---------------------------------------------------------------- HTML form

  /**
   * The form posts the token in a field, never a cookie: another site cannot make a browser send a
   * check it did not type (no ambient credentials), and nothing is remembered between requests.
   */
  private void formCheck(HttpExchange exchange) throws IOException, Refusal {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw new Refusal(415, "expected a form post");
    }
    Map<String, String> form = parseForm(new String(readBody(exchange), StandardCharsets.UTF_8));
    User user = authenticate(exchange, form.get("token"));
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : CheckAnswer.FIELDS.keySet()) {
      if (form.containsKey(name)) {
        values.put(name, form.get(name));
      }
    }
    if (!KINDS.contains(values.getOrDefault("kind", "acquaintance"))) {
      throw new Refusal(400, "kind: expected one of " + String.join(", ", KINDS));
    }
    CheckAnswer answer;
    try {
      answer = answer(user, values, null);
    } catch (Refusal r) {
      sendPage(
          exchange, r.status, form(values, "<p class=error>" + escape(r.getMessage()) + "</p>"));
      return;
    }
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      Disclosure.printText(answer.shown, false, out);
    }
    String result =
        "<section class=answer><h2>"
            + (answer.findings.isEmpty() ? "No conflict found" : "Possible conflicts")
            + "</h2><pre>"
            + escape(text.toString())
            + "</pre></section>";
    sendPage(exchange, 200, form(values, result));
  }

  private static Map<String, String> parseForm(String body) throws Refusal {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        form.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        throw new Refusal(400, "malformed form data");
      }
    }
    return form;
  }

  private static String form(Map<String, String> values, String answer) {
    StringBuilder html = new StringBuilder();
    html.append(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            + "<meta name=viewport content=\"width=device-width, initial-scale=1\">"
            + "<title>dualcheck: quick check</title><style>"
            + "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}"
            + "label{display:block;margin:.4rem 0}input,select{width:100%;padding:.3rem}"
            + ".error{color:#a00}pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem}"
            + "</style></head><body><h1>Quick check</h1>");
    if (answer != null) {
      html.append(answer);
    }
    html.append("<form method=post action=\"/\">");
    field(html, "given", "Given name", values);
    field(html, "middle", "Middle name", values);
    field(html, "family", "Family name", values);
    field(html, "dob", "Date of birth (YYYY-MM-DD, YYYY-MM or YYYY)", values);
    field(html, "phone", "Phone", values);
    field(html, "email", "E-mail", values);
    field(html, "city", "City", values);
    field(html, "employer", "Employer", values);
    field(html, "referred_by", "Referred by", values);
    html.append("<label>Kind <select name=kind>");
    for (String kind : KINDS) {
      html.append("<option")
          .append(kind.equals(values.getOrDefault("kind", "acquaintance")) ? " selected" : "")
          .append('>')
          .append(kind)
          .append("</option>");
    }
    html.append("</select></label>")
        .append(
            "<label>Your token <input type=password name=token required autocomplete=off></label>")
        .append("<p><button type=submit>Check</button></p></form></body></html>");
    return html.toString();
  }

  private static void field(
      StringBuilder html, String name, String label, Map<String, String> values) {
    html.append("<label>")
        .append(escape(label))
        .append(" <input name=")
        .append(name)
        .append(" value=\"")
        .append(escape(values.getOrDefault(name, "")))
        .append("\" autocomplete=off></label>");
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void sendPage(HttpExchange exchange, int status, String html) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    send(exchange, status, html.getBytes(StandardCharsets.UTF_8));
  }
}
