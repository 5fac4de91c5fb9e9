package fr.regard.journal.format;

import java.io.IOException;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The single streaming pass of an audit over the entries (docs/journal-format.md, "Audit", entry and tree checks). For
 * each position: the leaf hash is recomputed from the raw bytes with one reused {@link MessageDigest} and compared
 * with the stored one; the bytes are checked canonical by {@link EntryScanner} (no allocation), which also gives
 * the seq and times for the sequence and chronology checks; the stored hash is appended to the tree. At every
 * size of interest (checkpoints, proof ends, the known checkpoint) the root is kept and compared with the signed
 * roots.
 */
final class EntryStream {

    /** How far recordedAt may be after sequencedAt. */
    static final long RECORDED_AT_TOLERANCE_MICROS = 5L * 60 * 1_000_000;
    private static final int MAX_ANOMALIES = 100_000;
    private static final byte LEAF_PREFIX = 0x00;

    private final FindingCollector findings;
    private final CheckpointBook book;
    private final long firstSeq;

    private final Map<Long, byte[]> recomputedRoots = new HashMap<>();
    private final Map<Long, Long> lastSequencedAt = new HashMap<>();
    private final NavigableSet<Long> authenticated = new TreeSet<>();
    private final NavigableSet<Long> anomalies = new TreeSet<>();
    private long treeSize;
    private long positions;
    private long firstSequencedAt = Long.MIN_VALUE;
    private long previousSequencedAt = Long.MIN_VALUE;
    private int rootsCompared;

    EntryStream(FindingCollector findings, CheckpointBook book, long firstSeq) {
        this.findings = findings;
        this.book = book;
        this.firstSeq = firstSeq;
    }

    /** Streams the cursor once; {@code sizes} are the ascending tree sizes whose roots are wanted. */
    void run(EntryCursor cursor, CompactRange prefix, long[] sizes, OptionalLong declaredLastSeq) throws IOException {
        TreeAccumulator tree = new TreeAccumulator(prefix);
        MessageDigest sha256 = TreeAccumulator.newDigest();
        EntryScanner scanner = new EntryScanner();
        byte[] leaf = new byte[MerkleHash.LENGTH];
        long expectedSeq = firstSeq;
        int next = 0;
        while (next < sizes.length && sizes[next] < tree.size()) {
            next++;
        }
        if (next < sizes.length && sizes[next] == tree.size()) {
            capture(tree);
            next++;
        }
        while (cursor.next()) {
            long index = prefix.size() + positions;
            byte[] entry = cursor.entry();
            byte[] stored = cursor.storedLeafHash();
            if (entry == null) {
                findings.fail(AuditCheck.ENTRY_SEQUENCE, index, () -> "Entrée " + index
                        + " : absente de entries.jsonl alors qu'une empreinte est enregistrée pour elle");
                anomaly(index);
                expectedSeq = Math.max(expectedSeq, index + 1);
                tree.append(stored != null ? stored : new byte[MerkleHash.LENGTH]);
            } else {
                int offset = cursor.entryOffset();
                int length = cursor.entryLength();
                sha256.update(LEAF_PREFIX);
                sha256.update(entry, offset, length);
                digestInto(sha256, leaf);
                if (scanner.scan(entry, offset, length)) {
                    expectedSeq = checkSeq(scanner.seq, expectedSeq);
                    checkTimes(scanner);
                } else {
                    long seq = expectedSeq++;
                    findings.fail(AuditCheck.ENTRY_FORMAT, seq, () -> "Entrée " + seq + " : format non canonique — "
                            + EntryDiagnosis.explain(entry, offset, length, scanner).getMessage());
                    anomaly(seq);
                }
                if (stored == null) {
                    findings.fail(AuditCheck.LEAF_HASHES, index, () -> "Entrée " + index
                            + " : empreinte enregistrée absente ou illisible dans leaf-hashes.txt");
                    anomaly(index);
                    tree.append(leaf);
                } else {
                    if (!Arrays.equals(leaf, stored)) {
                        findings.fail(AuditCheck.LEAF_HASHES, index, () -> "Entrée " + index
                                + " : empreinte recalculée différente de l'empreinte enregistrée");
                        anomaly(index);
                    }
                    tree.append(stored);
                }
            }
            positions++;
            if (next < sizes.length && sizes[next] == tree.size()) {
                capture(tree);
                next++;
            }
        }
        treeSize = tree.size();
        checkDeclaredEnd(declaredLastSeq);
        summarise(declaredLastSeq);
    }

    private long checkSeq(long seq, long expected) {
        if (seq == expected) {
            return expected + 1;
        }
        long named = Math.min(seq, expected);
        findings.fail(AuditCheck.ENTRY_SEQUENCE, named, () -> seq > expected
                ? "Entrée " + expected + " attendue, la ligne porte la séquence " + seq + " : "
                        + (seq == expected + 1 ? "entrée " + expected : "entrées " + expected + " à " + (seq - 1))
                        + " supprimée(s) ou déplacée(s)"
                : "Séquence " + seq + " en double ou déplacée (séquence attendue : " + expected + ")");
        anomaly(named);
        return Math.max(expected, seq + 1);
    }

    private void checkTimes(EntryScanner scanner) {
        long seq = scanner.seq;
        long sequenced = scanner.sequencedAtMicros;
        long recorded = scanner.recordedAtMicros;
        long previous = previousSequencedAt;
        if (sequenced < previous) {
            findings.fail(AuditCheck.ENTRY_TIMES, seq, () -> "Entrée " + seq + " : sequencedAt "
                    + UtcMicros.format(UtcMicros.toInstant(sequenced)) + " antérieur à celui de l'entrée précédente ("
                    + UtcMicros.format(UtcMicros.toInstant(previous)) + ")");
        }
        if (recorded > sequenced + RECORDED_AT_TOLERANCE_MICROS) {
            findings.fail(AuditCheck.ENTRY_TIMES, seq, () -> "Entrée " + seq + " : recordedAt "
                    + UtcMicros.format(UtcMicros.toInstant(recorded)) + " postérieur de plus de 5 minutes à sequencedAt "
                    + UtcMicros.format(UtcMicros.toInstant(sequenced)));
        }
        if (firstSequencedAt == Long.MIN_VALUE) {
            firstSequencedAt = sequenced;
        }
        previousSequencedAt = sequenced;
    }

    /** Keeps the root at this size and compares it with the roots signed for it. */
    private void capture(TreeAccumulator tree) {
        long size = tree.size();
        byte[] root = tree.rootHash();
        recomputedRoots.put(size, root);
        lastSequencedAt.put(size, previousSequencedAt);
        List<byte[]> signed = book.validRoots(size);
        if (signed.isEmpty()) {
            return;
        }
        rootsCompared++;
        for (byte[] signedRoot : signed) {
            if (MessageDigest.isEqual(signedRoot, root)) {
                authenticated.add(size);
            } else {
                long start = book.regionStart(size);
                Long cause = explainingAnomaly(start, size);
                findings.fail(AuditCheck.TREE_ROOTS, cause != null ? cause : start, () -> "Point de contrôle de taille "
                        + size + " : racine recalculée à partir des empreintes enregistrées différente de la racine signée"
                        + (cause != null ? " (conséquence de l'anomalie de l'entrée " + cause + ")"
                                : " — entrées " + start + " à " + (size - 1) + " modifiées, insérées ou supprimées après signature"));
            }
        }
    }

    private void checkDeclaredEnd(OptionalLong declaredLastSeq) {
        if (declaredLastSeq.isEmpty()) {
            return;
        }
        long end = declaredLastSeq.getAsLong() + 1;
        long size = treeSize;
        if (size < end) {
            findings.fail(AuditCheck.ENTRY_SEQUENCE, size, () -> "Lot incomplet : le manifeste annonce les entrées "
                    + "jusqu'à " + (end - 1) + ", les lignes s'arrêtent à l'entrée " + (size - 1));
            anomaly(size);
        } else if (size > end) {
            findings.fail(AuditCheck.ENTRY_SEQUENCE, end, () -> (size - end) + " ligne(s) au-delà de la dernière "
                    + "séquence annoncée par le manifeste (" + (end - 1) + ")");
            anomaly(end);
        }
    }

    private void summarise(OptionalLong declaredLastSeq) {
        long last = firstSeq + positions - 1;
        String range = positions == 0 ? "aucune entrée" : "entrées " + firstSeq + " à " + last;
        findings.summary(AuditCheck.ENTRY_FORMAT, positions + " entrée(s) lue(s), encodage canonique RFC 8785 v1");
        findings.summary(AuditCheck.ENTRY_SEQUENCE, positions == 0 ? "aucune entrée" : "séquences continues, " + range);
        findings.summary(AuditCheck.ENTRY_TIMES, positions == 0 || firstSequencedAt == Long.MIN_VALUE ? "aucune entrée"
                : "sequencedAt jamais décroissant, du " + UtcMicros.format(UtcMicros.toInstant(firstSequencedAt))
                        + " au " + UtcMicros.format(UtcMicros.toInstant(previousSequencedAt))
                        + " ; recordedAt au plus 5 minutes après sequencedAt");
        findings.summary(AuditCheck.LEAF_HASHES, positions + " empreinte(s) recalculée(s) (SHA-256(0x00 || entrée)) "
                + "égale(s) aux empreintes enregistrées");
        if (rootsCompared == 0) {
            findings.skip(AuditCheck.TREE_ROOTS, "aucun point de contrôle valide dans la période du lot");
        } else {
            findings.summary(AuditCheck.TREE_ROOTS, "racine recalculée égale à la racine signée pour " + rootsCompared
                    + " taille(s) de point de contrôle");
        }
    }

    /** The first entry anomaly in [start, end), which explains a root mismatch there, or null. */
    Long explainingAnomaly(long start, long end) {
        Long cause = anomalies.ceiling(start);
        return cause != null && cause < end ? cause : null;
    }

    private void anomaly(long seq) {
        if (anomalies.size() < MAX_ANOMALIES) {
            anomalies.add(seq);
        }
    }

    private static void digestInto(MessageDigest digest, byte[] target) {
        try {
            digest.digest(target, 0, MerkleHash.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Size of the recomputed tree: prefix plus every position read. */
    long treeSize() {
        return treeSize;
    }

    long positions() {
        return positions;
    }

    /** The recomputed root at a size of interest reached by the stream, or null. */
    byte[] recomputedRoot(long size) {
        return recomputedRoots.get(size);
    }

    /** sequencedAt (epoch micros) of the last entry before that size, {@code Long.MIN_VALUE} if none. */
    Long lastSequencedAt(long size) {
        return lastSequencedAt.get(size);
    }

    /** Sizes whose recomputed root is authenticated (equal to a signed root, or proven into one). */
    NavigableSet<Long> authenticated() {
        return authenticated;
    }
}
