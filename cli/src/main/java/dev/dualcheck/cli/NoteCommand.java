package dev.dualcheck.cli;

import dev.dualcheck.store.NoteVersion;
import dev.dualcheck.store.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "note",
    description = "Case notes: directors for every client, clinicians for their own clients.",
    subcommands = {
      NoteCommand.Add.class,
      NoteCommand.ListNotes.class,
      NoteCommand.Show.class,
      NoteCommand.Amend.class
    })
final class NoteCommand {

  @ParentCommand Main main;

  /** Where a note's text comes from: a file, else standard input. */
  static final class TextSource {
    @Option(
        names = "--file",
        paramLabel = "FILE",
        description = "Read the note's text from FILE (default: standard input).")
    Path file;

    String read(Main main) throws UsageException, IOException {
      String text;
      if (file != null) {
        if (!Files.isRegularFile(file)) {
          throw new UsageException("file not found: " + file);
        }
        text = Files.readString(file, StandardCharsets.UTF_8);
      } else {
        text = new String(main.in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (text.isBlank()) {
        throw new UsageException("the note is empty: give its text on standard input or --file");
      }
      return text;
    }
  }

  @Command(name = "add", description = "Add a note about a client; the index is updated at once.")
  static final class Add implements Callable<Integer> {
    @ParentCommand NoteCommand parent;
    @Mixin StoreOptions storeOptions;
    @Mixin TextSource source;

    @Option(names = "--client", required = true, paramLabel = "C", description = "Client id.")
    String client;

    @Option(
        names = "--author",
        paramLabel = "S",
        description = "Author's staff id (default: your own).")
    String author;

    @Option(names = "--date", paramLabel = "D", description = "Session date, YYYY-MM-DD.")
    String date;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      LocalDate day = parseDate(date);
      String text = source.read(main);
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "add notes", Role.DIRECTOR, Role.CLINICIAN);
        Access.requireOwnClient(workspace, "add notes", client);
        String by = authorOrSelf(workspace, author);
        String noteId;
        try {
          noteId = workspace.store.addNote(client, by, day, text);
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
        workspace.update();
        workspace.store.audit("note.add", "client", client, noteId);
        main.out.println("added note " + noteId);
      }
      return Exit.OK;
    }
  }

  @Command(name = "list", description = "List a client's notes: id, date, version, author.")
  static final class ListNotes implements Callable<Integer> {
    @ParentCommand NoteCommand parent;
    @Mixin StoreOptions storeOptions;

    @Option(names = "--client", required = true, paramLabel = "C", description = "Client id.")
    String client;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "list notes", Role.DIRECTOR, Role.CLINICIAN);
        Access.requireOwnClient(workspace, "list notes", client);
        List<NoteVersion> notes = workspace.dualcheck.notesOf(client);
        workspace.store.audit("note.list", "client", client, notes.size() + " notes");
        if (notes.isEmpty()) {
          main.out.println("no notes");
        }
        for (NoteVersion note : notes) {
          main.out.println(
              note.noteId()
                  + "  "
                  + (note.date() == null ? "----------" : note.date())
                  + "  v"
                  + note.version()
                  + "  "
                  + (note.authorId() == null ? "" : note.authorId()));
        }
      }
      return Exit.OK;
    }
  }

  @Command(name = "show", description = "Show a note's latest text; says when it was amended.")
  static final class Show implements Callable<Integer> {
    @ParentCommand NoteCommand parent;
    @Mixin StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "NOTE_ID", description = "The note's id.")
    String noteId;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "read notes", Role.DIRECTOR, Role.CLINICIAN);
        List<NoteVersion> versions = versions(workspace, noteId, "read notes");
        NoteVersion first = versions.get(0);
        NoteVersion latest = versions.get(versions.size() - 1);
        workspace.store.audit("note.read", "client", latest.clientId(), noteId);
        main.out.println(
            "note "
                + noteId
                + " about client "
                + latest.clientId()
                + (latest.date() == null ? "" : ", session " + latest.date())
                + ", written by "
                + (first.authorId() == null ? "unknown" : first.authorId())
                + " on "
                + first.createdAt());
        if (versions.size() > 1) {
          main.out.println(
              "amended on "
                  + latest.createdAt()
                  + " by "
                  + (latest.authorId() == null ? "unknown" : latest.authorId())
                  + " (version "
                  + latest.version()
                  + ")");
        }
        main.out.println();
        main.out.println(latest.text());
      }
      return Exit.OK;
    }
  }

  @Command(
      name = "amend",
      description = "Amend a note: a new version with new text; earlier versions are kept.")
  static final class Amend implements Callable<Integer> {
    @ParentCommand NoteCommand parent;
    @Mixin StoreOptions storeOptions;
    @Mixin TextSource source;

    @Parameters(index = "0", paramLabel = "NOTE_ID", description = "The note's id.")
    String noteId;

    @Option(
        names = "--author",
        paramLabel = "S",
        description = "Author's staff id (default: your own).")
    String author;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      String text = source.read(main);
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "amend notes", Role.DIRECTOR, Role.CLINICIAN);
        List<NoteVersion> versions = versions(workspace, noteId, "amend notes");
        NoteVersion amended =
            workspace.store.amendNote(noteId, authorOrSelf(workspace, author), text);
        workspace.update();
        workspace.store.audit(
            "note.amend", "client", versions.get(0).clientId(), noteId + " v" + amended.version());
        main.out.println("amended note " + noteId + ": version " + amended.version());
      }
      return Exit.OK;
    }
  }

  /** The note's versions, after checking the user may see its client's notes. */
  private static List<NoteVersion> versions(Workspace workspace, String noteId, String action)
      throws Exception {
    List<NoteVersion> versions = workspace.store.noteVersions(noteId);
    if (versions.isEmpty()) {
      if (workspace.store.user().role() != Role.DIRECTOR) {
        // the same refusal as for another clinician's note: no oracle for which ids exist
        Access.deny(workspace, action + " for another clinician's client");
      }
      throw new UsageException("no note " + noteId);
    }
    Access.requireOwnClient(workspace, action, versions.get(0).clientId());
    return versions;
  }

  /** Clinicians write as themselves; a director may name the author. */
  private static String authorOrSelf(Workspace workspace, String author) throws Exception {
    String own = workspace.store.user().staffId();
    if (author == null || author.isBlank()) {
      return own;
    }
    if (workspace.store.user().role() != Role.DIRECTOR && !author.equals(own)) {
      Access.deny(workspace, "write notes as someone else");
    }
    return author.strip();
  }

  private static LocalDate parseDate(String date) throws UsageException {
    if (date == null || date.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException("--date: expected YYYY-MM-DD");
    }
  }
}
