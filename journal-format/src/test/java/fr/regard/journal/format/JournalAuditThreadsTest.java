package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit gives the same report on one thread and on several (docs/journal-format.md, "Audit", threads): every genuine
 * and tampered bundle of {@link JournalAuditTest} and {@link JournalAuditTamperTest}, damaged files (missing, extra,
 * unreadable or unterminated lines, long lines), cursors of the server kind, random tamperings and failures of the
 * source are audited with 1 thread and with 2 to 4 threads in batches of 1 to 2048 entries (so that batch boundaries,
 * alignment with the tree and the subtrees computed by the workers fall everywhere), and the reports must be equal:
 * same checks, statuses, summaries, findings with their French messages and seqs in the same order, first failure and
 * counts; or the same exception.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class JournalAuditThreadsTest {

    private static final Instant GEN_TIME = Instant.parse("2030-01-01T00:00:00Z");
    /** Threads and batch sizes compared with one thread. */
    private static final int[][] VARIANTS = {{2, EntryStream.DEFAULT_BATCH}, {2, 1}, {2, 4}, {2, 64}, {3, 2},
        {3, 16}, {4, 8}, {4, 128}};

    private static JournalFixture journal;
    private static JournalFixture large;

    @TempDir
    Path temp;

    @BeforeAll
    static void journals() {
        journal = JournalFixture.create(1000, 100).timestampedWith(JournalFixture::fakeToken);
        large = JournalFixture.create(3000, 97);
    }

    /** A tampering applied to a copy of the genuine bundle of the whole 1,000-entry journal. */
    private record Tampering(String name, Consumer<Path> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> tamperings() {
        List<Tampering> all = new ArrayList<>();
        all.add(new Tampering("untouched", bundle -> { }));
        // the TAMPER suite
        all.add(new Tampering("modified entry", bundle -> entries(bundle, lines -> set(lines, 450,
                lines.get(450).replaceFirst("\"actor\":\"[a-z.]+\"", "\"actor\":\"someone-else\"")))));
        all.add(new Tampering("modified entry with recomputed hash", bundle -> {
            String forged = line(journal.entry(450)).replaceFirst("\"purpose\":\"[^\"]*\"", "\"purpose\":\"Motif réécrit\"");
            entries(bundle, lines -> set(lines, 450, forged));
            hashes(bundle, lines -> set(lines, 450, hex(MerkleHash.leaf(forged.getBytes(StandardCharsets.UTF_8)))));
        }));
        all.add(new Tampering("deleted entry", bundle -> {
            entries(bundle, lines -> remove(lines, 450));
            hashes(bundle, lines -> remove(lines, 450));
        }));
        all.add(new Tampering("deleted entry line alone", bundle -> entries(bundle, lines -> remove(lines, 450))));
        all.add(new Tampering("inserted entry", bundle -> {
            JournalEntry genuine = SampleEntries.entry(450);
            JournalEntry fabricated = new JournalEntry(450, genuine.recordedAt(), genuine.sequencedAt(), "dpo", "DPO",
                    "FOOTAGE_REVIEWED", Map.of("type", "case", "id", "DA-2026-000999"), "Consultation", null);
            entries(bundle, lines -> insert(lines, 450, line(fabricated.canonicalBytes())));
            hashes(bundle, lines -> insert(lines, 450, hex(fabricated.leafHash())));
        }));
        all.add(new Tampering("reordered entries", bundle -> {
            entries(bundle, lines -> swap(lines, 450, 451));
            hashes(bundle, lines -> swap(lines, 450, 451));
        }));
        all.add(new Tampering("tail truncated, manifest edited", bundle -> {
            entries(bundle, lines -> lines.subList(0, 800));
            hashes(bundle, lines -> lines.subList(0, 800));
            BundleFiles.editManifest(bundle, "\"lastSeq\":999", "\"lastSeq\":799");
            BundleFiles.editManifest(bundle, "\"treeSize\":1000", "\"treeSize\":800");
        }));
        all.add(new Tampering("tail truncated", bundle -> {
            entries(bundle, lines -> lines.subList(0, 800));
            hashes(bundle, lines -> lines.subList(0, 800));
        }));
        all.add(new Tampering("forked checkpoint", bundle -> checkpoints(bundle, lines -> insert(lines, 5,
                checkpointLine(new Checkpoint(JournalFixture.ORIGIN, 500, MerkleHash.leaf(new byte[] {7}))
                        .sign(journal.signer()).format())))));
        all.add(new Tampering("checkpoint re-signed by another key", bundle -> checkpoints(bundle, lines -> set(lines, 4,
                checkpointLine(SignedNote.sign(journal.checkpoint(500).toNoteText(),
                        NoteSigner.generate(JournalFixture.ORIGIN)).format())))));
        all.add(new Tampering("checkpoint of another origin", bundle -> checkpoints(bundle, lines -> set(lines, 4,
                checkpointLine(new Checkpoint("other.example/log", 500, journal.checkpoint(500).rootHash())
                        .sign(journal.signer()).format())))));
        all.add(new Tampering("altered timestamp token", bundle -> checkpoints(bundle, lines -> {
            byte[] token = JournalFixture.fakeToken(journal.signedCheckpoint(500));
            token[10] ^= 1;
            return set(lines, 4, line(BundleJson.checkpoint(CheckpointEvidence.of(
                    journal.signedCheckpoint(500).format(), token))));
        })));
        all.add(new Tampering("non-canonical entry", bundle -> {
            String spaced = line(journal.entry(450)).replace("\"v\":1}", "\"v\": 1}");
            entries(bundle, lines -> set(lines, 450, spaced));
            hashes(bundle, lines -> set(lines, 450, hex(MerkleHash.leaf(spaced.getBytes(StandardCharsets.UTF_8)))));
        }));
        all.add(new Tampering("entry sequenced back in time", bundle -> {
            JournalEntry genuine = SampleEntries.entry(450);
            JournalEntry backdated = new JournalEntry(450, genuine.recordedAt().minusSeconds(3600),
                    genuine.sequencedAt().minusSeconds(3600), genuine.actor(), genuine.role(), genuine.action(),
                    genuine.object(), genuine.purpose(), genuine.details());
            entries(bundle, lines -> set(lines, 450, line(backdated.canonicalBytes())));
        }));
        all.add(new Tampering("recordedAt far after sequencedAt", bundle -> {
            JournalEntry genuine = SampleEntries.entry(451);
            JournalEntry late = new JournalEntry(451, genuine.sequencedAt().plusSeconds(600), genuine.sequencedAt(),
                    genuine.actor(), genuine.role(), genuine.action(), genuine.object(), genuine.purpose(),
                    genuine.details());
            entries(bundle, lines -> set(lines, 451, line(late.canonicalBytes())));
            hashes(bundle, lines -> set(lines, 451, hex(late.leafHash())));
        }));
        all.add(new Tampering("every checkpoint signed by another key", bundle -> {
            NoteSigner attacker = NoteSigner.generate(JournalFixture.ORIGIN);
            checkpoints(bundle, lines -> {
                for (int i = 0; i < lines.size(); i++) {
                    lines.set(i, checkpointLine(journal.checkpoint(100L * (i + 1)).sign(attacker).format()));
                }
                return lines;
            });
        }));
        all.add(new Tampering("unreadable checkpoint note", bundle -> checkpoints(bundle, lines -> set(lines, 2,
                checkpointLine(journal.signedCheckpoint(300).format().replace("\n\n", "\n"))))));
        all.add(new Tampering("checkpoints out of order", bundle -> checkpoints(bundle, lines -> swap(lines, 2, 6))));
        // damaged files
        all.add(new Tampering("hash file shorter", bundle -> hashes(bundle, lines -> lines.subList(0, 613))));
        all.add(new Tampering("hash file longer", bundle -> hashes(bundle, lines -> {
            lines.add(hex(MerkleHash.leaf(new byte[] {1})));
            lines.add("not a hash");
            return lines;
        })));
        all.add(new Tampering("entries file longer", bundle -> entries(bundle, lines -> {
            lines.add(line(SampleEntries.entry(1000).canonicalBytes()));
            lines.add("{}");
            return lines;
        })));
        all.add(new Tampering("empty files", bundle -> {
            entries(bundle, lines -> new ArrayList<>());
            hashes(bundle, lines -> new ArrayList<>());
        }));
        all.add(new Tampering("unreadable hash lines", bundle -> hashes(bundle, lines -> {
            set(lines, 0, lines.get(0).toUpperCase());
            set(lines, 63, lines.get(63).substring(1));
            set(lines, 64, lines.get(64) + "0");
            set(lines, 127, "");
            set(lines, 128, lines.get(128).replace('a', 'g'));
            set(lines, 500, lines.get(500).replace('0', '/'));
            set(lines, 501, lines.get(501).replace('9', ':'));
            set(lines, 502, lines.get(502).replace('a', '`'));
            set(lines, 503, lines.get(503).replace('f', 'é'));
            return lines;
        })));
        all.add(new Tampering("every hash of a batch unreadable", bundle -> hashes(bundle, lines -> {
            for (int i = 256; i < 320; i++) {
                lines.set(i, "?");
            }
            return lines;
        })));
        all.add(new Tampering("garbage entry lines", bundle -> entries(bundle, lines -> {
            set(lines, 0, "");
            set(lines, 1, "{");
            set(lines, 2, "[]");
            set(lines, 3, "\"action\"");
            set(lines, 255, lines.get(255) + "\r");
            set(lines, 256, lines.get(256).replace("\"seq\":256", "\"seq\":0256"));
            set(lines, 511, lines.get(511).replace("é", "\u00e9\u0301"));
            set(lines, 512, lines.get(512).replace("\"v\":1}", "\"v\":2}"));
            return lines;
        })));
        all.add(new Tampering("many failures", bundle -> {
            entries(bundle, lines -> {
                for (int i = 10; i < 990; i += 7) {
                    lines.set(i, lines.get(i).replace("\"actor\":\"", "\"actor\":\"x"));
                }
                return lines;
            });
            hashes(bundle, lines -> {
                for (int i = 5; i < 995; i += 11) {
                    lines.set(i, "");
                }
                return lines;
            });
        }));
        all.add(new Tampering("duplicated and shuffled seqs", bundle -> {
            entries(bundle, lines -> {
                lines.set(300, lines.get(299));
                lines.set(600, lines.get(10));
                Collections.swap(lines, 700, 900);
                lines.set(800, line(SampleEntries.entry(5000).canonicalBytes()));
                return lines;
            });
        }));
        all.add(new Tampering("entries removed around batch boundaries", bundle -> {
            entries(bundle, lines -> {
                for (int at : new int[] {767, 512, 256, 255, 128, 64, 63, 1, 0}) {
                    lines.remove(at);
                }
                return lines;
            });
        }));
        all.add(new Tampering("unterminated last lines", bundle -> {
            cutLastNewline(bundle.resolve(JournalBundle.ENTRIES));
            cutLastNewline(bundle.resolve(JournalBundle.LEAF_HASHES));
        }));
        all.add(new Tampering("unterminated last entry, extra text", bundle -> {
            cutLastNewline(bundle.resolve(JournalBundle.ENTRIES));
            append(bundle.resolve(JournalBundle.ENTRIES), "{\"action\":");
        }));
        all.add(new Tampering("entry lines longer than a read buffer", bundle -> entries(bundle, lines -> {
            set(lines, 100, lines.get(100).replace("\"purpose\":\"", "\"purpose\":\"" + "x".repeat(70_000)));
            set(lines, 101, "y".repeat(200_000));
            set(lines, 700, lines.get(700).replace("\"place\":\"", "\"place\":\"" + "é".repeat(40_000)));
            return lines;
        })));
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void the_report_on_a_bundle_is_the_same_on_any_number_of_threads(Tampering tampering) throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("bundle"), journal.bundle());
        tampering.change().accept(bundle);

        assertSameOnAllThreads(bundle, Optional.empty(), JournalFixture.fakeTimestampCheck(GEN_TIME));
        assertSameOnAllThreads(bundle, known(journal, 600), null);
    }

    @Test
    void genuine_bundles_of_every_shape_give_the_same_report() throws IOException {
        Path whole = journal.writeDirectory(temp.resolve("whole"), journal.bundle());
        assertThat(assertSameOnAllThreads(whole, Optional.empty(), JournalFixture.fakeTimestampCheck(GEN_TIME)).ok())
                .isTrue();
        for (long size : new long[] {1000, 600, 450}) {
            assertSameOnAllThreads(whole, known(journal, size), null);
        }
        assertSameOnAllThreads(whole, Optional.empty(),
                JournalFixture.fakeTimestampCheck(SampleEntries.START.plusSeconds(300)));
        assertSameOnAllThreads(whole, Optional.of(KnownCheckpoint.ofVerified(
                new Checkpoint(JournalFixture.ORIGIN, 650, MerkleHash.leaf(new byte[] {1})))), null);
        assertSameOnAllThreads(journal.writeZip(temp.resolve("b.zip"), journal.bundle()), Optional.empty(), null);
        assertSameOnAllThreads(journal.writeDirectory(temp.resolve("middle"),
                journal.bundle(350, 999, 1000, OptionalLong.empty())), Optional.empty(), null);
        assertSameOnAllThreads(journal.writeDirectory(temp.resolve("partial"),
                journal.bundle(0, 449, 1000, OptionalLong.empty())), Optional.empty(), null);
        Path later = journal.writeDirectory(temp.resolve("later"), journal.bundle(500, 999, 1000, OptionalLong.of(230)));
        assertSameOnAllThreads(later, known(journal, 230), null);
        Path laterWithoutProof = journal.writeDirectory(temp.resolve("later2"),
                journal.bundle(500, 999, 1000, OptionalLong.empty()));
        assertSameOnAllThreads(laterWithoutProof, known(journal, 230), null);
        assertSameOnAllThreads(journal.writeDirectory(temp.resolve("empty"),
                journal.bundle(1000, 999, 1000, OptionalLong.empty())), Optional.empty(), null);
        Path older = journal.writeDirectory(temp.resolve("older"), journal.bundle(0, 799, 800, OptionalLong.empty()));
        assertSameOnAllThreads(older, Optional.of(KnownCheckpoint.ofSignedNote(journal.signedCheckpoint(1000).format())),
                null);
    }

    @Test
    void forged_proofs_and_prefixes_give_the_same_report() throws IOException {
        Path proof = journal.writeDirectory(temp.resolve("proof"), journal.bundle(350, 999, 1000, OptionalLong.empty()));
        BundleFiles.edit(proof, JournalBundle.CONSISTENCY, lines -> set(lines, 0, lines.get(0)
                .replaceFirst("\"hashes\":\\[\"[A-Za-z0-9+/]", "\"hashes\":[\"A")));
        assertThat(assertSameOnAllThreads(proof, Optional.empty(), null).ok()).isFalse();

        Path prefix = journal.writeDirectory(temp.resolve("prefix"), journal.bundle(350, 999, 1000, OptionalLong.empty()));
        BundleFiles.edit(prefix, JournalBundle.PREFIX, lines -> List.of(line(BundleJson.prefix(
                CompactRange.EMPTY.appendAll(Collections.nCopies(350, new byte[32]))))));
        assertThat(assertSameOnAllThreads(prefix, Optional.empty(), null).ok()).isFalse();
    }

    @Test
    void random_tamperings_of_a_larger_journal_give_the_same_report() throws IOException {
        SplittableRandom random = new SplittableRandom(20261125);
        for (int round = 0; round < 25; round++) {
            long from = round % 3 == 0 ? 0 : random.nextInt(1200);
            long to = 1500 + random.nextInt(1500);
            Path bundle = large.writeDirectory(temp.resolve("large-" + round),
                    large.bundle(from, to, to + 1 + random.nextInt(2) * (2999 - to), OptionalLong.empty()));
            int edits = round == 0 ? 0 : 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                randomEdit(bundle, random);
            }
            assertSameOnAllThreads(bundle, Optional.empty(), null);
        }
    }

    @Test
    void server_cursors_give_the_same_report() throws IOException {
        List<AuditRecord> genuine = records(0, 999);
        assertThat(assertSameOnAllThreads(records(genuine), known(journal, 700)).ok()).isTrue();

        List<AuditRecord> damaged = records(0, 999);
        damaged.set(10, new AuditRecord(null, damaged.get(10).storedLeafHash()));
        damaged.set(11, new AuditRecord(damaged.get(11).canonicalEntry(), null));
        damaged.set(12, new AuditRecord(null, null));
        damaged.set(13, new AuditRecord(damaged.get(13).canonicalEntry(), new byte[32]));
        damaged.set(14, new AuditRecord("{\"seq\":14}".getBytes(StandardCharsets.UTF_8), null));
        damaged.remove(600);
        assertThat(assertSameOnAllThreads(records(damaged), known(journal, 700)).ok()).isFalse();
    }

    @Test
    void cursors_with_unusual_arrays_give_the_same_outcome() throws IOException {
        for (int length : new int[] {40, 31, 0}) {
            List<AuditRecord> odd = records(0, 999);
            odd.set(300, new AuditRecord(odd.get(300).canonicalEntry(),
                    java.util.Arrays.copyOf(odd.get(300).storedLeafHash(), length)));
            odd.set(301, new AuditRecord(null, java.util.Arrays.copyOf(odd.get(301).storedLeafHash(), length)));
            assertSameOnAllThreads(cursorSource(() -> EntryCursor.of(odd.iterator())), Optional.empty());
        }
        for (int[] range : new int[][] {{5, 10}, {-1, 3}, {0, 100_000}, {400, -2}}) {
            List<AuditRecord> rows = records(0, 999);
            assertSameOnAllThreads(cursorSource(() -> new SlicingCursor(rows, 500, range[0], range[1])), Optional.empty());
        }
    }

    @Test
    void a_source_failing_midway_throws_the_same_exception() {
        for (int failAt : new int[] {0, 1, 63, 64, 500, 999, 1000}) {
            List<AuditRecord> rows = records(0, 999);
            Outcome reference = outcome(cursorSource(() -> new FailingCursor(rows, failAt)), Optional.empty(), null, 1,
                    EntryStream.DEFAULT_BATCH);
            assertThat(reference.thrown()).as("fails at %d", failAt).startsWith("java.io.IOException");
            assertThat(reference.thrown()).contains("position " + failAt);
            for (int[] variant : VARIANTS) {
                assertThat(outcome(cursorSource(() -> new FailingCursor(rows, failAt)), Optional.empty(), null,
                        variant[0], variant[1])).as("%d threads, batches of %d", variant[0], variant[1])
                        .isEqualTo(reference);
            }
        }
    }

    @Test
    void lines_over_the_limit_fail_the_same_way() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("long"), journal.bundle());
        entries(bundle, lines -> set(lines, 700, "z".repeat(JournalBundleReader.MAX_LINE * 2 + 10)));
        assertThat(assertSameOnAllThreadsAllowingFailure(bundle).thrown())
                .isEqualTo(MalformedBundleException.class.getName() + ": entries.jsonl, ligne 701 : plus de "
                        + JournalBundleReader.MAX_LINE + " octets");

        Path hashes = journal.writeDirectory(temp.resolve("longhash"), journal.bundle());
        hashes(hashes, lines -> set(lines, 300, "0".repeat(JournalBundleReader.MAX_LINE * 3)));
        assertThat(assertSameOnAllThreadsAllowingFailure(hashes).thrown()).contains("leaf-hashes.txt, ligne 301");

        for (int[] lines : new int[][] {{700, 300}, {300, 700}, {300, 300}, {0, 0}}) {
            Path both = journal.writeDirectory(temp.resolve("both-" + lines[0] + "-" + lines[1]), journal.bundle());
            entries(both, entries -> set(entries, lines[0], "z".repeat(JournalBundleReader.MAX_LINE * 2 + 10)));
            hashes(both, hashLines -> set(hashLines, lines[1], "0".repeat(JournalBundleReader.MAX_LINE * 3)));
            String expected = lines[0] <= lines[1] ? "entries.jsonl, ligne " + (lines[0] + 1)
                    : "leaf-hashes.txt, ligne " + (lines[1] + 1);
            assertThat(assertSameOnAllThreadsAllowingFailure(both).thrown()).contains(expected);
        }
    }

    @Test
    void thread_counts_outside_the_range_are_refused() throws IOException {
        Path bundle = journal.writeDirectory(temp.resolve("b"), journal.bundle());
        try (JournalBundleReader reader = JournalBundleReader.open(bundle)) {
            for (int threads : new int[] {0, -1, JournalAudit.MAX_THREADS + 1}) {
                org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> JournalAudit.run(
                        reader.auditSource(), journal.verifier(), Optional.empty(), null, threads));
            }
        }
        assertThat(JournalAudit.defaultThreads()).isBetween(1, JournalAudit.MAX_DEFAULT_THREADS);
    }

    // --- comparison

    /** What an audit gave: the whole report, or the exception. */
    private record Outcome(List<CheckResult> checks, Optional<Finding> firstFailure, OptionalLong firstBadSeq,
            AuditReport.Counts counts, String text, String thrown) {
        static Outcome of(AuditReport report) {
            return new Outcome(report.checks(), report.firstFailure(), report.firstBadSeq(), report.counts(),
                    report.toString(), null);
        }

        static Outcome thrown(Throwable t) {
            return new Outcome(null, null, null, null, null, t.toString());
        }
    }

    private static AuditReport assertSameOnAllThreads(Path bundle, Optional<KnownCheckpoint> known, TimestampCheck tsa) {
        Outcome reference = outcome(bundle, known, tsa, 1, EntryStream.DEFAULT_BATCH);
        assertThat(reference.thrown()).as("one thread").isNull();
        for (int[] variant : VARIANTS) {
            assertThat(outcome(bundle, known, tsa, variant[0], variant[1]))
                    .as("%d threads, batches of %d, on %s", variant[0], variant[1], bundle).isEqualTo(reference);
        }
        try (JournalBundleReader reader = JournalBundleReader.open(bundle)) {
            return JournalAudit.run(reader.auditSource(), journal.verifier(), known, tsa, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome assertSameOnAllThreadsAllowingFailure(Path bundle) {
        Outcome reference = outcome(bundle, Optional.empty(), null, 1, EntryStream.DEFAULT_BATCH);
        for (int[] variant : VARIANTS) {
            assertThat(outcome(bundle, Optional.empty(), null, variant[0], variant[1]))
                    .as("%d threads, batches of %d", variant[0], variant[1]).isEqualTo(reference);
        }
        return reference;
    }

    private static AuditReport assertSameOnAllThreads(AuditSource source, Optional<KnownCheckpoint> known) {
        Outcome reference = outcome(source, known, null, 1, EntryStream.DEFAULT_BATCH);
        for (int[] variant : VARIANTS) {
            assertThat(outcome(source, known, null, variant[0], variant[1]))
                    .as("%d threads, batches of %d", variant[0], variant[1]).isEqualTo(reference);
        }
        try {
            return reference.thrown() == null ? JournalAudit.run(source, journal.verifier(), known, null, 1) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome outcome(Path bundle, Optional<KnownCheckpoint> known, TimestampCheck tsa, int threads,
            int batch) {
        try (JournalBundleReader reader = JournalBundleReader.open(bundle)) {
            return outcome(reader.auditSource(), known, tsa, threads, batch);
        } catch (IOException | RuntimeException e) {
            return Outcome.thrown(e);
        }
    }

    private static Outcome outcome(AuditSource source, Optional<KnownCheckpoint> known, TimestampCheck tsa, int threads,
            int batch) {
        try {
            return Outcome.of(JournalAudit.run(source, journal.verifier(), known, tsa, threads, batch));
        } catch (IOException | RuntimeException e) {
            return Outcome.thrown(e);
        }
    }

    private static Optional<KnownCheckpoint> known(JournalFixture fixture, long size) {
        return Optional.of(KnownCheckpoint.ofSignedNote(fixture.signedCheckpoint(size).format()));
    }

    // --- sources of the server kind

    private static List<AuditRecord> records(long from, long to) {
        List<AuditRecord> records = new ArrayList<>();
        journal.records(from, to).forEachRemaining(records::add);
        return records;
    }

    private static AuditSource records(List<AuditRecord> rows) {
        return cursorSource(() -> EntryCursor.of(rows.iterator()));
    }

    private static AuditSource cursorSource(java.util.function.Supplier<EntryCursor> cursors) {
        return new AuditSource() {
            @Override public String origin() {
                return JournalFixture.ORIGIN;
            }

            @Override public long firstSeq() {
                return 0;
            }

            @Override public OptionalLong lastSeq() {
                return OptionalLong.empty();
            }

            @Override public CompactRange prefix() {
                return CompactRange.EMPTY;
            }

            @Override public EntryCursor entries() {
                return cursors.get();
            }

            @Override public List<CheckpointEvidence> checkpoints() {
                return journal.checkpointSizes().stream().map(journal::evidence).toList();
            }

            @Override public List<ConsistencyProof> consistencyProofs() {
                return List.of();
            }

            @Override public OptionalLong treeSizeAtExport() {
                return OptionalLong.empty();
            }
        };
    }

    /** Reuses one array for every entry (as the contract allows), and hands a bad slice at one position. */
    private static final class SlicingCursor implements EntryCursor {
        private final Iterator<AuditRecord> rows;
        private final int badAt;
        private final int badOffset;
        private final int badLength;
        private final byte[] buffer = new byte[4096];
        private byte[] hash;
        private int length;
        private int position = -1;

        SlicingCursor(List<AuditRecord> rows, int badAt, int badOffset, int badLength) {
            this.rows = rows.iterator();
            this.badAt = badAt;
            this.badOffset = badOffset;
            this.badLength = badLength;
        }

        @Override
        public boolean next() {
            if (!rows.hasNext()) {
                return false;
            }
            AuditRecord row = rows.next();
            position++;
            java.util.Arrays.fill(buffer, (byte) '#');
            System.arraycopy(row.canonicalEntry(), 0, buffer, 7, row.canonicalEntry().length);
            length = row.canonicalEntry().length;
            hash = row.storedLeafHash();
            return true;
        }

        @Override
        public byte[] entry() {
            return buffer;
        }

        @Override
        public int entryOffset() {
            return position == badAt ? badOffset : 7;
        }

        @Override
        public int entryLength() {
            return position == badAt ? badLength : length;
        }

        @Override
        public byte[] storedLeafHash() {
            return hash;
        }
    }

    /** A cursor whose reading fails at one position, as a database connection may. */
    private static final class FailingCursor implements EntryCursor {
        private final Iterator<AuditRecord> rows;
        private final int failAt;
        private AuditRecord current;
        private int position = -1;

        FailingCursor(List<AuditRecord> rows, int failAt) {
            this.rows = rows.iterator();
            this.failAt = failAt;
        }

        @Override
        public boolean next() throws IOException {
            position++;
            if (position == failAt) {
                throw new IOException("cannot read position " + failAt);
            }
            current = rows.hasNext() ? rows.next() : null;
            return current != null;
        }

        @Override
        public byte[] entry() {
            return current.canonicalEntry();
        }

        @Override
        public int entryLength() {
            return current.canonicalEntry().length;
        }

        @Override
        public byte[] storedLeafHash() {
            return current.storedLeafHash();
        }
    }

    // --- editing bundles

    private static void randomEdit(Path bundle, SplittableRandom random) {
        String file = random.nextBoolean() ? JournalBundle.ENTRIES : JournalBundle.LEAF_HASHES;
        List<String> lines = BundleFiles.lines(bundle, file);
        if (lines.isEmpty()) {
            return;
        }
        int at = random.nextInt(lines.size());
        switch (random.nextInt(8)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
            case 2 -> Collections.swap(lines, at, random.nextInt(lines.size()));
            case 3 -> {
                char[] chars = lines.get(at).toCharArray();
                if (chars.length > 0) {
                    chars[random.nextInt(chars.length)] = "0a \"\\{}:,é9Zz\u0001".charAt(random.nextInt(14));
                }
                lines.set(at, new String(chars));
            }
            case 4 -> lines.subList(at, lines.size()).clear();
            case 5 -> lines.set(at, "");
            case 6 -> {
                int to = Math.min(lines.size(), at + 1 + random.nextInt(300));
                lines.subList(at, to).clear();
            }
            default -> lines.add(at, line(SampleEntries.entry(random.nextInt(4000)).canonicalBytes()));
        }
        BundleFiles.writeLines(bundle, file, lines);
    }

    private static void entries(Path bundle, UnaryOperator<List<String>> change) {
        BundleFiles.edit(bundle, JournalBundle.ENTRIES, change);
    }

    private static void hashes(Path bundle, UnaryOperator<List<String>> change) {
        BundleFiles.edit(bundle, JournalBundle.LEAF_HASHES, change);
    }

    private static void checkpoints(Path bundle, UnaryOperator<List<String>> change) {
        BundleFiles.edit(bundle, JournalBundle.CHECKPOINTS, change);
    }

    private static void cutLastNewline(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checkpointLine(String signedNote) {
        return line(BundleJson.checkpoint(CheckpointEvidence.of(signedNote)));
    }

    private static String line(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static List<String> set(List<String> lines, int index, String line) {
        lines.set(index, line);
        return lines;
    }

    private static List<String> remove(List<String> lines, int index) {
        lines.remove(index);
        return lines;
    }

    private static List<String> insert(List<String> lines, int index, String line) {
        lines.add(index, line);
        return lines;
    }

    private static List<String> swap(List<String> lines, int i, int j) {
        Collections.swap(lines, i, j);
        return lines;
    }
}
