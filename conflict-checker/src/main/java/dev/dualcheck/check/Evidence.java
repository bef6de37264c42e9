package dev.dualcheck.check;

/**
 * One field's contribution to a finding's score.
 *
 * @param field the compared field, e.g. {@code given_name}
 * @param comparison the comparison level reached, e.g. {@code exact}, {@code nickname}, {@code
 *     phonetic}, {@code different}
 * @param weight the Fellegi–Sunter weight in bits (log2 m/u), negative when it counts against
 * @param contactValue the contact's value as compared (PHI: shown to directors only)
 * @param recordValue the matched record's value as compared (PHI: shown to directors only)
 */
public record Evidence(
    String field, String comparison, double weight, String contactValue, String recordValue) {}
