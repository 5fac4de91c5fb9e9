package fr.regard.journal.format;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;

/**
 * A forward-only stream of journal positions in leaf order (docs/journal-format.md, "Audit"): for each, the raw entry
 * bytes and the stored leaf hash. Arrays returned may be reused by the next call to {@link #next()}, and callers
 * must not modify them, so a million entries need no million objects. Implementations: the bundle reader (files) and the server (database rows).
 */
public interface EntryCursor extends Closeable {

    /** Moves to the next position; false when there is none left. */
    boolean next() throws IOException;

    /**
     * The array holding the entry's bytes at {@code [entryOffset() .. entryOffset() + entryLength())}; null if the
     * source has no entry here.
     */
    byte[] entry();

    /** Where the entry starts in {@link #entry()}; 0 unless the implementation hands out slices of a buffer. */
    default int entryOffset() {
        return 0;
    }

    /** Number of bytes of the entry. */
    int entryLength();

    /** The stored 32-byte leaf hash, or null if absent or unreadable. */
    byte[] storedLeafHash();

    @Override
    default void close() throws IOException {
    }

    /** A cursor over records (e.g. rows mapped by the server); the records' arrays are not copied. */
    static EntryCursor of(Iterator<AuditRecord> records) {
        Objects.requireNonNull(records, "records");
        return new EntryCursor() {
            private AuditRecord current;

            @Override
            public boolean next() {
                current = records.hasNext() ? records.next() : null;
                return current != null;
            }

            @Override
            public byte[] entry() {
                return current.canonicalEntry();
            }

            @Override
            public int entryLength() {
                return current.canonicalEntry() == null ? 0 : current.canonicalEntry().length;
            }

            @Override
            public byte[] storedLeafHash() {
                byte[] hash = current.storedLeafHash();
                return MerkleHash.isHash(hash) ? hash : null;
            }
        };
    }
}
