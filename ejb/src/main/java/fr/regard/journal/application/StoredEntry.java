package fr.regard.journal.application;

/** A journal entry as stored: its sequence number, canonical JSON (exactly the hashed bytes) and leaf hash. */
public record StoredEntry(long seq, String canonical, String leafHash) {
}
