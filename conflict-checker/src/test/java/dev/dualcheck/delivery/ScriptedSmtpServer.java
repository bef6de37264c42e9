package dev.dualcheck.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain SMTP server that always answers MAIL FROM with a temporary 451, to test retries. */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket listener;
  private final AtomicInteger sessions = new AtomicInteger();

  ScriptedSmtpServer() throws IOException {
    listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket client = listener.accept()) {
                  sessions.incrementAndGet();
                  serve(client);
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  int sessions() {
    return sessions.get();
  }

  private static void serve(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    reply(out, "220 scripted.test ESMTP");
    for (String line; (line = in.readLine()) != null; ) {
      String command = line.toUpperCase(Locale.ROOT);
      if (command.startsWith("MAIL")) {
        reply(out, "451 4.3.0 try again later");
      } else if (command.startsWith("QUIT")) {
        reply(out, "221 2.0.0 bye");
        return;
      } else {
        reply(out, "250 scripted.test");
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
