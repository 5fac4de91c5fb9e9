package fr.regard.journal.format;

import java.io.IOException;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
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
 *
 * <p>On one thread, {@link #position} does all of it. With {@link AuditWorkers}, everything that depends on one
 * position only (hashes, canonical checks, subtrees of whole aligned batches) is computed on all threads, and the
 * auditing thread makes the findings from these values, position by position, with the very methods of
 * {@link #position}, in the same order: the report is the same (checked by {@code JournalAuditThreadsTest}).
 * Memory stays bounded: a fixed number of batches and read buffers per thread is in flight.
 */
final class EntryStream {

    /** How far recordedAt may be after sequencedAt. */
    static final long RECORDED_AT_TOLERANCE_MICROS = 5L * 60 * 1_000_000;
    private static final int MAX_ANOMALIES = 100_000;
    static final byte LEAF_PREFIX = 0x00;
    /** Positions per batch of a parallel stream (a power of two). */
    static final int DEFAULT_BATCH = 2048;
    /** Batches in flight per thread of a parallel stream. */
    static final int WINDOW_PER_THREAD = 3;
    /** Runs of whole entry lines (about 64 KiB each) in flight per thread of a parallel stream of a bundle. */
    static final int CHUNKS_PER_THREAD = 8;
    private static final int HASH = MerkleHash.LENGTH;
    private static final byte[] ZEROS = new byte[HASH];

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
    private long prefixSize;
    private long[] sizes;
    private int nextSize;
    private TreeAccumulator tree;
    private long expectedSeq;

    EntryStream(FindingCollector findings, CheckpointBook book, long firstSeq) {
        this.findings = findings;
        this.book = book;
        this.firstSeq = firstSeq;
    }

    /** Streams the cursor once on this thread; {@code sizes} are the ascending tree sizes whose roots are wanted. */
    void run(EntryCursor cursor, CompactRange prefix, long[] sizes, OptionalLong declaredLastSeq) throws IOException {
        run(cursor, prefix, sizes, declaredLastSeq, null, DEFAULT_BATCH);
    }

    /**
     * Streams the cursor once; with {@code workers}, the per-position computations run on their threads, in batches
     * of {@code batchSize} positions (a power of two), and the findings are made here in the same order as on one
     * thread.
     */
    void run(EntryCursor cursor, CompactRange prefix, long[] sizes, OptionalLong declaredLastSeq, AuditWorkers workers,
            int batchSize) throws IOException {
        this.prefixSize = prefix.size();
        this.sizes = sizes;
        tree = new TreeAccumulator(prefix);
        expectedSeq = firstSeq;
        while (nextSize < sizes.length && sizes[nextSize] < tree.size()) {
            nextSize++;
        }
        if (nextSize < sizes.length && sizes[nextSize] == tree.size()) {
            capture(tree.size(), tree.rootHash());
            nextSize++;
        }
        if (workers == null) {
            MessageDigest sha256 = TreeAccumulator.newDigest();
            EntryScanner scanner = new EntryScanner();
            byte[] leaf = new byte[MerkleHash.LENGTH];
            while (cursor.next()) {
                position(cursor.entry(), cursor.entryOffset(), cursor.entryLength(), cursor.storedLeafHash(), sha256,
                        scanner, leaf);
            }
        } else if (cursor instanceof JournalBundleReader.BundleEntryCursor lines) {
            new LinePipeline(workers, batchSize).run(lines);
        } else {
            new Pipeline(workers, batchSize).run(cursor);
        }
        treeSize = tree.size();
        checkDeclaredEnd(declaredLastSeq);
        summarise(declaredLastSeq);
    }

    /** One position computed and checked on this thread: the single-thread audit. */
    private void position(byte[] entry, int offset, int length, byte[] stored, MessageDigest sha256,
            EntryScanner scanner, byte[] leaf) {
        long index = prefixSize + positions;
        if (entry == null) {
            missingEntry(index);
            tree.append(stored != null ? stored : new byte[MerkleHash.LENGTH]);
        } else {
            sha256.update(LEAF_PREFIX);
            sha256.update(entry, offset, length);
            digestInto(sha256, leaf);
            if (scanner.scan(entry, offset, length)) {
                canonicalEntry(scanner.seq, scanner.recordedAtMicros, scanner.sequencedAtMicros);
            } else {
                nonCanonicalEntry(entry, offset, length, scanner);
            }
            if (stored == null) {
                missingStoredHash(index);
                tree.append(leaf);
            } else {
                if (!Arrays.equals(leaf, stored)) {
                    differentStoredHash(index);
                }
                tree.append(stored);
            }
        }
        positions++;
        if (nextSize < sizes.length && sizes[nextSize] == tree.size()) {
            capture(tree.size(), tree.rootHash());
            nextSize++;
        }
    }

    private void missingEntry(long index) {
        findings.fail(AuditCheck.ENTRY_SEQUENCE, index, () -> "Entrée " + index
                + " : absente de entries.jsonl alors qu'une empreinte est enregistrée pour elle");
        anomaly(index);
        expectedSeq = Math.max(expectedSeq, index + 1);
    }

    private void canonicalEntry(long seq, long recordedAtMicros, long sequencedAtMicros) {
        expectedSeq = checkSeq(seq, expectedSeq);
        checkTimes(seq, recordedAtMicros, sequencedAtMicros);
    }

    private void nonCanonicalEntry(byte[] entry, int offset, int length, EntryScanner scanner) {
        long seq = expectedSeq++;
        findings.fail(AuditCheck.ENTRY_FORMAT, seq, () -> "Entrée " + seq + " : format non canonique — "
                + EntryDiagnosis.explain(entry, offset, length, scanner).getMessage());
        anomaly(seq);
    }

    private void missingStoredHash(long index) {
        findings.fail(AuditCheck.LEAF_HASHES, index, () -> "Entrée " + index
                + " : empreinte enregistrée absente ou illisible dans leaf-hashes.txt");
        anomaly(index);
    }

    private void differentStoredHash(long index) {
        findings.fail(AuditCheck.LEAF_HASHES, index, () -> "Entrée " + index
                + " : empreinte recalculée différente de l'empreinte enregistrée");
        anomaly(index);
    }

    /**
     * The parallel stream of any cursor (docs/journal-format.md, "Audit", threads). This thread reads positions into
     * batches, copying the cursor's arrays, and submits them, at most {@link #WINDOW_PER_THREAD} per thread in flight;
     * whichever thread takes a batch computes its leaf hashes, canonical checks and, for a whole batch aligned on its
     * size in the tree, its subtree with the right edges at the sizes of interest. This thread then takes the batches
     * back in order and, position by position, makes exactly the findings, anomalies and captures of {@link #position}:
     * the same checks, messages and order, on the same values. Positions whose arrays break the cursor's contract are
     * left to {@link #position} itself. An exception of the cursor is thrown after the positions read before it, as on
     * one thread.
     */
    private final class Pipeline {
        private final AuditWorkers workers;
        private final int batchSize;
        private final int window;
        private final ArrayDeque<EntryBatch> inFlight = new ArrayDeque<>();
        private final ArrayDeque<EntryBatch> spare = new ArrayDeque<>();
        private final MessageDigest sha256 = TreeAccumulator.newDigest();
        private final EntryScanner scanner = new EntryScanner();
        private final byte[] leaf = new byte[MerkleHash.LENGTH];
        private long read;
        private long batches;

        Pipeline(AuditWorkers workers, int batchSize) {
            this.workers = workers;
            this.batchSize = batchSize;
            this.window = WINDOW_PER_THREAD * workers.threads();
        }

        void run(EntryCursor cursor) throws IOException {
            boolean more = true;
            Throwable failure = null;
            while (true) {
                while (more && inFlight.size() < window) {
                    EntryBatch batch = spare.isEmpty() ? new EntryBatch(batchSize, sizes) : spare.pop();
                    long start = prefixSize + read;
                    int max = (int) (batchSize - (start & (batchSize - 1)));
                    batch.clear(batches, start, false);
                    batches++;
                    try {
                        more = fill(cursor, batch, max);
                    } catch (IOException | RuntimeException | Error e) {
                        failure = e;
                        more = false;
                    }
                    read += batch.count;
                    if (batch.count == 0) {
                        spare.push(batch);
                        break;
                    }
                    batch.seal();
                    workers.submit(batch);
                    inFlight.add(batch);
                }
                EntryBatch head = inFlight.poll();
                if (head == null) {
                    break;
                }
                workers.awaitDone(head);
                consume(head);
                head.rethrowFailure();
                spare.push(head);
            }
            rethrow(failure);
        }

        /** Reads positions of any cursor, copying its arrays; false once it is exhausted (then never called again). */
        private boolean fill(EntryCursor cursor, EntryBatch batch, int max) throws IOException {
            while (batch.count < max) {
                if (!cursor.next()) {
                    return false;
                }
                byte[] entry = cursor.entry();
                batch.addCopy(entry, entry == null ? 0 : cursor.entryOffset(), entry == null ? 0 : cursor.entryLength(),
                        cursor.storedLeafHash());
            }
            return true;
        }

        /** The findings of a computed batch, position by position, as {@link #position} makes them. */
        private void consume(EntryBatch batch) {
            boolean aligned = batch.aligned;
            int count = batch.count;
            int computed = batch.computed;
            for (int i = 0; i < computed; i++) {
                if (batch.odd[i]) {
                    byte[] entry = batch.oddEntries[i] != null ? batch.oddEntries[i] : batch.entry(i);
                    byte[] stored = batch.oddStored[i] != null ? batch.oddStored[i]
                            : batch.storedValid[i] ? Arrays.copyOfRange(batch.stored, i * HASH, i * HASH + HASH) : null;
                    position(entry, batch.entryOffsets[i], batch.entryLengths[i], stored, sha256, scanner, leaf);
                    continue;
                }
                long index = prefixSize + positions;
                boolean storedValid = batch.storedValid[i];
                byte[] entry = batch.entry(i);
                if (entry == null) {
                    missingEntry(index);
                    if (!aligned) {
                        tree.append(storedValid ? batch.stored : ZEROS, storedValid ? i * HASH : 0);
                    }
                } else {
                    if (batch.canonical[i]) {
                        canonicalEntry(batch.seqs[i], batch.recordedAt[i], batch.sequencedAt[i]);
                    } else {
                        int offset = batch.entryOffsets[i];
                        int length = batch.entryLengths[i];
                        scanner.scan(entry, offset, length);
                        nonCanonicalEntry(entry, offset, length, scanner);
                    }
                    if (!storedValid) {
                        missingStoredHash(index);
                        if (!aligned) {
                            tree.append(batch.leaves, i * HASH);
                        }
                    } else {
                        if (!batch.leafMatches[i]) {
                            differentStoredHash(index);
                        }
                        if (!aligned) {
                            tree.append(batch.stored, i * HASH);
                        }
                    }
                }
                positions++;
                int local = i + 1;
                if (aligned && local == count) {
                    tree.appendSubtree(batch.subtreeRoot, batch.height);
                }
                long size = prefixSize + positions;
                if (nextSize < sizes.length && sizes[nextSize] == size) {
                    byte[] root;
                    if (aligned && local < count) {
                        int capture = batch.captureFor(local);
                        if (capture < 0) {
                            throw new IllegalStateException("no right edge kept for tree size " + size);
                        }
                        root = tree.rootHashWith(batch.edges(), batch.captureOffset(capture),
                                batch.captureCount(capture));
                    } else {
                        root = tree.rootHash();
                    }
                    capture(size, root);
                    nextSize++;
                }
            }
        }
    }

    /**
     * The parallel stream of a bundle (docs/journal-format.md, "Audit", threads). This thread reads {@code entries.jsonl}
     * in runs of whole lines ({@link LineReader#nextChunk()}, the same reads as line by line) and hands each run to a
     * thread that splits and checks it ({@link EntryChunk}); it reads {@code leaf-hashes.txt} line by line into batches
     * of positions aligned on the tree, whose hex is decoded and, when every line of a whole batch is readable, whose
     * subtree is computed by a thread ({@link EntryBatch}). It then pairs line {@code n} of both files as position
     * {@code n}, in order, exactly as {@link JournalBundleReader.BundleEntryCursor#next()} does (entry line first, then
     * hash line, each file's failure thrown when its line is asked for), and makes the findings of {@link #position}.
     * Read buffers are never overwritten while a chunk or batch holds them.
     */
    private final class LinePipeline {
        private final AuditWorkers workers;
        private final int batchSize;
        private final int chunkWindow;
        private final int batchWindow;
        private final BufferRecycler entryBuffers = new BufferRecycler();
        private final BufferRecycler hashBuffers = new BufferRecycler();
        private final ArrayDeque<EntryChunk> chunks = new ArrayDeque<>();
        private final ArrayDeque<EntryChunk> spareChunks = new ArrayDeque<>();
        private final ArrayDeque<EntryBatch> batches = new ArrayDeque<>();
        private final ArrayDeque<EntryBatch> spareBatches = new ArrayDeque<>();
        private final EntryScanner scanner = new EntryScanner();
        private LineReader entries;
        private LineReader hashes;

        // entries.jsonl: chunks read, the end or failure of the file after them, the chunk and line being paired
        private long chunksRead;
        private boolean entriesEnded;
        private Throwable entriesFailure;
        private EntryChunk chunk;
        private int line;
        private long entryLines;
        // leaf-hashes.txt: the same with batches of positions
        private long batchesRead;
        private long hashLinesRead;
        private boolean hashesEnded;
        private Throwable hashesFailure;
        private EntryBatch batch;
        private int hash;

        LinePipeline(AuditWorkers workers, int batchSize) {
            this.workers = workers;
            this.batchSize = batchSize;
            this.chunkWindow = CHUNKS_PER_THREAD * workers.threads();
            this.batchWindow = WINDOW_PER_THREAD * workers.threads();
        }

        void run(JournalBundleReader.BundleEntryCursor cursor) throws IOException {
            entries = cursor.entryLines();
            hashes = cursor.hashLines();
            entries.keepLines(entryBuffers);
            hashes.keepLines(hashBuffers);
            while (true) {
                long index = prefixSize + positions;
                boolean hasEntry = nextEntry();
                boolean hasHash = nextHash();
                if (chunk != null && hasEntry && line == chunk.count) {
                    chunk.rethrowFailure();
                }
                if (!hasEntry && !hasHash) {
                    break;
                }
                EntryBatch b = hasHash ? batch : null;
                int h = hash;
                boolean storedValid = b != null && b.storedValid[h];
                boolean subtree = b != null && b.aligned;
                if (!hasEntry) {
                    missingEntry(index);
                    if (!subtree) {
                        tree.append(storedValid ? b.stored : ZEROS, storedValid ? h * HASH : 0);
                    }
                } else {
                    EntryChunk c = chunk;
                    int l = line;
                    if (c.canonical[l]) {
                        canonicalEntry(c.seqs[l], c.recordedAt[l], c.sequencedAt[l]);
                    } else {
                        scanner.scan(c.buffer, c.offsets[l], c.lengths[l]);
                        nonCanonicalEntry(c.buffer, c.offsets[l], c.lengths[l], scanner);
                    }
                    if (!storedValid) {
                        missingStoredHash(index);
                        if (!subtree) {
                            tree.append(c.leaves, l * HASH);
                        }
                    } else {
                        if (!EntryBatch.sameHash(c.leaves, l * HASH, b.stored, h * HASH)) {
                            differentStoredHash(index);
                        }
                        if (!subtree) {
                            tree.append(b.stored, h * HASH);
                        }
                    }
                    line++;
                    entryLines++;
                }
                positions++;
                if (b != null) {
                    hash++;
                    if (subtree && hash == b.count) {
                        tree.appendSubtree(b.subtreeRoot, b.height);
                    }
                }
                long size = prefixSize + positions;
                if (nextSize < sizes.length && sizes[nextSize] == size) {
                    byte[] root;
                    if (subtree && hash < b.count) {
                        int capture = b.captureFor(hash);
                        if (capture < 0) {
                            throw new IllegalStateException("no right edge kept for tree size " + size);
                        }
                        root = tree.rootHashWith(b.edges(), b.captureOffset(capture), b.captureCount(capture));
                    } else {
                        root = tree.rootHash();
                    }
                    capture(size, root);
                    nextSize++;
                }
            }
        }

        /**
         * Whether {@code entries.jsonl} has a line for the current position (then {@link #chunk} and {@link #line}
         * hold it, computed unless {@code line == chunk.count}: its computation failed); throws the file's failure
         * when the lines before it are used up.
         */
        private boolean nextEntry() throws IOException {
            while (true) {
                if (chunk != null) {
                    if (line < chunk.count || chunk.failed()) {
                        return true;
                    }
                    entryBuffers.release(chunk.number);
                    spareChunks.push(chunk);
                    chunk = null;
                }
                readAhead();
                chunk = chunks.poll();
                if (chunk == null) {
                    if (entriesFailure instanceof LineReader.TooLong) {
                        throw LineReader.tooLong(entries.name(), entryLines + 1, entries.maxLength());
                    }
                    rethrow(entriesFailure);
                    return false;
                }
                workers.awaitDone(chunk);
                line = 0;
            }
        }

        /** Whether {@code leaf-hashes.txt} has a line for the current position ({@link #batch}, {@link #hash}). */
        private boolean nextHash() throws IOException {
            while (true) {
                if (batch != null) {
                    if (hash < batch.computed) {
                        return true;
                    }
                    batch.rethrowFailure();
                    hashBuffers.release(batch.number);
                    spareBatches.push(batch);
                    batch = null;
                }
                readAhead();
                batch = batches.poll();
                if (batch == null) {
                    rethrow(hashesFailure);
                    return false;
                }
                workers.awaitDone(batch);
                hash = 0;
            }
        }

        /** Reads and submits chunks and batches while their windows have room. */
        private void readAhead() {
            while (!entriesEnded && chunks.size() < chunkWindow) {
                boolean more;
                entryBuffers.current = chunksRead - 1;
                try {
                    more = entries.nextChunk();
                } catch (IOException | RuntimeException | Error e) {
                    entriesFailure = e;
                    more = false;
                }
                if (!more) {
                    entriesEnded = true;
                    break;
                }
                EntryChunk next = spareChunks.isEmpty() ? new EntryChunk() : spareChunks.pop();
                next.set(chunksRead++, entries.line(), entries.offset(), entries.offset() + entries.length());
                workers.submit(next);
                chunks.add(next);
            }
            while (!hashesEnded && batches.size() < batchWindow) {
                EntryBatch next = spareBatches.isEmpty() ? new EntryBatch(batchSize, sizes) : spareBatches.pop();
                long start = prefixSize + hashLinesRead;
                int max = (int) (batchSize - (start & (batchSize - 1)));
                next.clear(batchesRead, start, true);
                hashBuffers.current = batchesRead;
                batchesRead++;
                boolean more = true;
                try {
                    while (next.count < max && (more = hashes.next())) {
                        next.addLines(null, 0, 0, hashes.line(), hashes.offset(), hashes.length());
                    }
                } catch (IOException | RuntimeException | Error e) {
                    hashesFailure = e;
                    more = false;
                }
                hashLinesRead += next.count;
                if (!more) {
                    hashesEnded = true;
                }
                if (next.count == 0) {
                    spareBatches.push(next);
                    break;
                }
                next.seal();
                workers.submit(next);
                batches.add(next);
            }
        }
    }

    /** Throws what reading threw, as it was (nothing if null). */
    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
    }

    /**
     * The read buffers of a bundle in a parallel stream: a buffer the reader leaves is kept until every batch that
     * may hold one of its lines has been consumed, then reused. Used by the auditing thread only.
     */
    private static final class BufferRecycler implements LineReader.Buffers {
        private final ArrayDeque<byte[]> free = new ArrayDeque<>();
        private final ArrayDeque<byte[]> retired = new ArrayDeque<>();
        private final ArrayDeque<Long> retiredAfter = new ArrayDeque<>();
        /** Number of the batch being filled. */
        long current;

        @Override
        public byte[] take(int length) {
            while (!free.isEmpty()) {
                byte[] buffer = free.pop();
                if (buffer.length == length) {
                    return buffer;
                }
            }
            return new byte[length];
        }

        @Override
        public void retire(byte[] buffer) {
            retired.add(buffer);
            retiredAfter.add(current);
        }

        /** Batch {@code number} and all before it are consumed. */
        void release(long number) {
            while (!retiredAfter.isEmpty() && retiredAfter.peek() <= number) {
                retiredAfter.poll();
                free.push(retired.poll());
            }
        }
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

    private void checkTimes(long seq, long recorded, long sequenced) {
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
    private void capture(long size, byte[] root) {
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
