package dev.dualcheck.policy;

import dev.dualcheck.check.Finding;
import java.util.Objects;

/**
 * One finding as a viewer may see it: the whole finding, or only its reference when it concerns a
 * person outside the viewer's own caseload.
 *
 * @param finding the finding, or null when withheld
 * @param reference {@code R-} and ten characters of a keyed hash of the finding id: a director can
 *     look the finding up by it, nobody else can learn anything from it
 */
public record Disclosed(Finding finding, String reference) {

  public Disclosed {
    Objects.requireNonNull(reference, "reference");
  }

  public boolean withheld() {
    return finding == null;
  }

  /** What a viewer without the right to the details is told instead. */
  public String withheldMessage() {
    return Disclosure.withheldMessage(reference);
  }
}
