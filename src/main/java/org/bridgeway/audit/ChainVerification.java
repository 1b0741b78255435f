package org.bridgeway.audit;

import java.io.Serializable;

/**
 * The outcome of walking the audit trail's hash chain.
 *
 * @param intact whether every entry's hash and link checked out
 * @param entriesChecked how many entries were verified before the first break (all of them when
 *     intact)
 * @param brokenAtSeq the {@code seq} of the first entry that failed; null when intact
 * @param breakKind what failed at that entry; null when intact
 * @param headHash the hash of the last entry verified (64 zeros for an empty trail). Keep it
 *     outside the database: a later run whose chain no longer passes through it shows that entries
 *     were removed from the end, which the chain alone cannot reveal.
 */
public record ChainVerification(
    boolean intact, long entriesChecked, Long brokenAtSeq, Break breakKind, String headHash)
    implements Serializable {

  /** How an entry fails verification. */
  public enum Break {
    /**
     * The entry's stored hash is not the hash of its own fields: the entry itself was altered (or
     * its stored data can no longer be read as written).
     */
    HASH_MISMATCH,
    /**
     * The entry's previous_hash is not the hash of the entry before it: an entry before it was
     * removed, inserted, or altered and re-hashed.
     */
    PREVIOUS_HASH_MISMATCH
  }

  public ChainVerification {
    if (intact != (brokenAtSeq == null) || intact != (breakKind == null)) {
      throw new IllegalArgumentException("an intact chain has no break, a broken one has both");
    }
  }

  public static ChainVerification intact(long entriesChecked, String headHash) {
    return new ChainVerification(true, entriesChecked, null, null, headHash);
  }

  public static ChainVerification broken(
      long entriesChecked, long brokenAtSeq, Break breakKind, String headHash) {
    return new ChainVerification(false, entriesChecked, brokenAtSeq, breakKind, headHash);
  }
}
