/**
 * Who may see what of a finding (minimum necessary), and applying reviewers' decisions to later
 * checks. The entry types are {@link dev.dualcheck.policy.Disclosure} and {@link
 * dev.dualcheck.policy.Reviews}.
 */
package dev.dualcheck.policy;
