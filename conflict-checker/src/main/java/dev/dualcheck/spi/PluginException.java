package dev.dualcheck.spi;

/**
 * A plugin that cannot be loaded, a missing option, or no source for a file: something the person
 * running dualcheck can fix (the CLI exits 2). Messages name jars, files and options, never data.
 */
public final class PluginException extends IllegalArgumentException {

  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
