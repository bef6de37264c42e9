package dev.dualcheck.store;

/** Told how far a long operation (key rotation) has come. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  void progress(long done, long total);
}
