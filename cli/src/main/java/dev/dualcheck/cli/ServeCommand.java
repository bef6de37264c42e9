package dev.dualcheck.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "serve",
    description = {
      "Answer checks over HTTP for systems that are not on the JVM and for therapists' browsers:"
          + " POST /check (JSON, Authorization: Bearer TOKEN) and a form at /.",
      "Each user gets what `dualcheck check --json` would show them. Tokens: `dualcheck user token"
          + " NAME`. Listens on 127.0.0.1 unless given TLS settings."
    })
final class ServeCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}); others need TLS.")
  String bind;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8470",
      description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--tls-keystore",
      paramLabel = "FILE.p12",
      description = "PKCS#12 keystore with the server's key and certificate: serve HTTPS.")
  Path tlsKeystore;

  @Option(
      names = "--tls-password-file",
      paramLabel = "FILE",
      description = "First line: the keystore's password.")
  Path tlsPasswordFile;

  @Override
  public Integer call() throws Exception {
    if ((tlsKeystore == null) != (tlsPasswordFile == null)) {
      throw new UsageException("give both --tls-keystore and --tls-password-file, or neither");
    }
    InetAddress address = address(bind);
    if (!address.isLoopbackAddress() && tlsKeystore == null) {
      throw new UsageException(
          "refusing to listen on "
              + bind
              + " without TLS: give --tls-keystore and --tls-password-file, or bind 127.0.0.1");
    }
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535");
    }
    SSLContext tls = tlsKeystore == null ? null : tls(tlsKeystore, tlsPasswordFile);
    Workspace workspace = Workspace.open(main, storeOptions);
    CountDownLatch stopped = new CountDownLatch(1);
    try (CheckServer server =
        CheckServer.start(workspace, new InetSocketAddress(address, port), tls, main)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "dualcheck-serve-stop"));
      main.out.println("serving on " + server.url() + " (Ctrl-C to stop)");
      main.out.flush();
      stopped.await();
    } finally {
      workspace.close();
    }
    return Exit.OK;
  }

  private static InetAddress address(String bind) throws UsageException {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new UsageException("--bind: not an address: " + bind);
    }
  }

  private static SSLContext tls(Path keystore, Path passwordFile)
      throws UsageException, IOException {
    if (!Files.isRegularFile(keystore)) {
      throw new UsageException("TLS keystore not found: " + keystore);
    }
    char[] password = StoreOptions.firstLine(passwordFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(keystore)) {
        store.load(in, password);
      }
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new UsageException(
          "cannot use TLS keystore " + keystore + ": wrong password or not PKCS#12");
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
