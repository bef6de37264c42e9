package dev.dualcheck.cli;

import dev.dualcheck.api.IndexDamagedException;
import dev.dualcheck.api.IndexInUseException;
import dev.dualcheck.spi.PluginException;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.IntegrityException;
import dev.dualcheck.store.StoreAccessException;
import dev.dualcheck.store.StoreInUseException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.apache.lucene.index.CorruptIndexException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** The {@code dualcheck} command: parses the command line and maps failures to exit statuses. */
@Command(
    name = "dualcheck",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Checks new people against everyone a clinic has served, from encrypted records.",
    subcommands = {
      InitCommand.class,
      ImportCommand.class,
      IndexCommand.class,
      CheckCommand.class,
      ScanCommand.class,
      GenerateCommand.class,
      KeysCommand.class,
      UserCommand.class,
      PasswdCommand.class,
      NoteCommand.class,
      ResolveCommand.class,
      FindingsCommand.class,
      AuditCommand.class,
      ReportCommand.class,
      NightlyCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @Spec CommandSpec spec;

  final Map<String, String> env;
  final PrintWriter out;
  final PrintWriter err;
  final InputStream in;
  final Clock clock;

  Main(Map<String, String> env, PrintWriter out, PrintWriter err, InputStream in, Clock clock) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.in = in;
    this.clock = clock;
  }

  @Override
  public void run() {
    spec.commandLine().usage(out);
  }

  /** Every command answers {@code --help} (a usage error points there) and {@code --version}. */
  private static void addHelpOptions(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
        spec.mixinStandardHelpOptions(true);
      }
      addHelpOptions(sub);
    }
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int status = run(args, System.getenv(), out, err, System.in, Clock.systemUTC());
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs one command line; returns its exit status. */
  static int run(
      String[] args,
      Map<String, String> env,
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Clock clock) {
    CommandLine commandLine = new CommandLine(new Main(env, out, err, in, clock));
    addHelpOptions(commandLine);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(Main::exitStatus);
    commandLine.setExecutionExceptionHandler(
        (exception, cl, parseResult) -> {
          Exception cause = unwrap(exception);
          cl.getErr().println(describe(cause, env));
          return exitStatus(cause);
        });
    commandLine.setParameterExceptionHandler(
        (exception, args2) -> {
          CommandLine cl = exception.getCommandLine();
          cl.getErr().println("error: " + exception.getMessage());
          cl.getErr().println("see: " + cl.getCommandSpec().qualifiedName(" ") + " --help");
          return Exit.USAGE;
        });
    int status = commandLine.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /** Lambdas over the store rethrow its checked exceptions wrapped; judge them by the cause. */
  private static Exception unwrap(Exception exception) {
    Exception current = exception;
    while (current instanceof UncheckedIOException && current.getCause() != null) {
      current = (Exception) current.getCause();
    }
    return current;
  }

  static int exitStatus(Throwable exception) {
    if (exception instanceof UsageException
        || exception instanceof CsvFormatException
        || exception instanceof PluginException
        || exception instanceof IndexInUseException
        || exception instanceof CommandLine.ParameterException) {
      return Exit.USAGE;
    }
    if (exception instanceof StoreAccessException
        || exception instanceof StoreInUseException
        || isTamper(exception)) {
      return Exit.DENIED;
    }
    return Exit.INTERNAL;
  }

  private static boolean isTamper(Throwable exception) {
    return exception instanceof IntegrityException
        || exception instanceof CorruptIndexException
        || exception instanceof IndexDamagedException;
  }

  /**
   * One line for the user. Messages of our own exceptions are written to be shown (no PHI); an
   * unexpected exception's message may quote data, so only its type is shown unless DUALCHECK_DEBUG
   * is set.
   */
  private static String describe(Exception exception, Map<String, String> env) {
    int status = exitStatus(exception);
    if (exception instanceof CorruptIndexException) {
      // the same words as IndexDamagedException, for damage found while reading, not at open
      return "error: index damaged (CorruptIndexException); run `dualcheck index --rebuild`";
    }
    if (status != Exit.INTERNAL) {
      return "error: " + exception.getMessage();
    }
    if (env.containsKey("DUALCHECK_DEBUG")) {
      StringWriter trace = new StringWriter();
      exception.printStackTrace(new PrintWriter(trace));
      return "internal error: " + trace;
    }
    return "internal error: "
        + exception.getClass().getName()
        + " (a bug; set DUALCHECK_DEBUG=1 to see details, which may contain personal data)";
  }
}
