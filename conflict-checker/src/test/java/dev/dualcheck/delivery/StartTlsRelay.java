package dev.dualcheck.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A STARTTLS front for GreenMail, whose SMTP server (2.1.13) has no STARTTLS command: it greets,
 * offers only STARTTLS, upgrades the connection with the test server certificate, then relays the
 * decrypted session to GreenMail's plain SMTP port (whose own greeting it swallows, so the client
 * sees one SMTP conversation).
 */
final class StartTlsRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final SSLContext tls;
  private final int upstreamPort;
  private final Thread acceptor;

  StartTlsRelay(TestPki.Issued serverCertificate, int upstreamPort) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    char[] password = "relay".toCharArray();
    keyStore.setKeyEntry(
        "server",
        serverCertificate.privateKey(),
        password,
        new java.security.cert.Certificate[] {serverCertificate.certificate()});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, password);
    this.tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "starttls-relay");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread session = new Thread(() -> serve(client), "starttls-relay-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      write(out, "220 relay.test ESMTP\r\n");
      while (true) {
        String line = readLine(in);
        if (line == null) {
          return;
        }
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO")) {
          write(out, "250-relay.test\r\n250 STARTTLS\r\n");
        } else if (command.startsWith("STARTTLS")) {
          write(out, "220 2.0.0 ready to start TLS\r\n");
          relay(upgrade(client));
          return;
        } else if (command.startsWith("QUIT")) {
          write(out, "221 2.0.0 bye\r\n");
          return;
        } else {
          write(out, "530 5.7.0 must issue STARTTLS first\r\n");
        }
      }
    } catch (IOException e) {
      // the client went away; nothing to clean up beyond the sockets
    }
  }

  private SSLSocket upgrade(Socket client) throws IOException {
    SSLSocket secure =
        (SSLSocket)
            tls.getSocketFactory()
                .createSocket(
                    client, client.getInetAddress().getHostAddress(), client.getPort(), false);
    secure.setUseClientMode(false);
    secure.startHandshake();
    return secure;
  }

  private void relay(SSLSocket secure) throws IOException {
    try (secure;
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
      InputStream upstreamIn = upstream.getInputStream();
      readLine(upstreamIn); // GreenMail's greeting: the client already had ours
      Thread back = new Thread(() -> pump(upstreamIn, secure), "starttls-relay-back");
      back.setDaemon(true);
      back.start();
      pump(secure.getInputStream(), upstream);
      back.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pump(InputStream from, Socket to) {
    try {
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = from.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException | UnsupportedOperationException e) {
      // one side closed: the session is over
    }
  }

  /** Reads one CRLF-terminated line byte by byte, so no TLS handshake bytes are swallowed. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        return line.toString(StandardCharsets.US_ASCII).stripTrailing();
      }
      line.write(b);
    }
    return null;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
