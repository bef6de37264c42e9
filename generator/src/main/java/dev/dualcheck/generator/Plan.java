package dev.dualcheck.generator;

/**
 * How many contacts of each kind to plant, from the requested mix: 55% strangers (namesakes among
 * them), 15% identity, 8% associate, 7% note_mention, 5% staff, 5% therapist_tie, 5%
 * referral_source. Largest-remainder rounding keeps the total exact.
 */
record Plan(
    int strangers,
    int identity,
    int associate,
    int noteMention,
    int staff,
    int therapistTie,
    int referralSource) {

  static final double[] SHARES = {0.55, 0.15, 0.08, 0.07, 0.05, 0.05, 0.05};

  static Plan of(int contacts) {
    int[] counts = new int[SHARES.length];
    double[] remainder = new double[SHARES.length];
    int assigned = 0;
    for (int i = 0; i < SHARES.length; i++) {
      double exact = SHARES[i] * contacts;
      counts[i] = (int) Math.floor(exact);
      remainder[i] = exact - counts[i];
      assigned += counts[i];
    }
    while (assigned < contacts) {
      int best = 0;
      for (int i = 1; i < SHARES.length; i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      counts[best]++;
      remainder[best] = -1;
      assigned++;
    }
    // the classic boss case must be there whenever any contact is
    if (contacts > 0 && counts[3] == 0) {
      int from = 0;
      for (int i = 1; i < counts.length; i++) {
        if (counts[i] > counts[from]) {
          from = i;
        }
      }
      counts[from]--;
      counts[3]++;
    }
    return new Plan(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
  }

  int total() {
    return strangers + identity + associate + noteMention + staff + therapistTie + referralSource;
  }
}
