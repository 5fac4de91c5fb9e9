package fr.regard.journal.format;

/** Outcome of one audit check or finding (docs/journal-format.md, "Audit"). */
public enum CheckStatus {
    /** Verified and correct. */
    PASSED,
    /** Verified and wrong: the journal or the bundle cannot be trusted as given. */
    FAILED,
    /** Not verified (nothing to verify, or no means given, e.g. no TSA certificate); not a failure. */
    SKIPPED
}
