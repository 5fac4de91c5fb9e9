package fr.regard.journal.format;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads a journal bundle (docs/journal-format.md, "Bundle") from a directory or a zip file. The metadata is read and
 * checked at {@link #open}; the entries are streamed by {@link #entries()}, one reused buffer per file, so a
 * million entries are never all in memory. A bundle that breaks its format raises {@link MalformedBundleException};
 * other {@link IOException}s mean it could not be read at all.
 */
public final class JournalBundleReader implements Closeable {

    /** Longest line accepted in {@code entries.jsonl} and {@code checkpoints.jsonl}. */
    public static final int MAX_LINE = 1 << 20;
    private static final int MAX_METADATA = 1 << 20;

    private final BundleStorage storage;
    private final JournalBundle bundle;

    private JournalBundleReader(BundleStorage storage, JournalBundle bundle) {
        this.storage = storage;
        this.bundle = bundle;
    }

    /** Opens a bundle directory or zip archive and reads its metadata. */
    public static JournalBundleReader open(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        BundleStorage storage = BundleStorage.open(path);
        try {
            JournalBundle bundle = readMetadata(storage);
            for (String name : new String[] {JournalBundle.ENTRIES, JournalBundle.LEAF_HASHES}) {
                if (!storage.exists(name)) {
                    throw new MalformedBundleException("fichier manquant : " + name);
                }
            }
            return new JournalBundleReader(storage, bundle);
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** The bundle's metadata. */
    public JournalBundle bundle() {
        return bundle;
    }

    /** A new cursor over {@code entries.jsonl} and {@code leaf-hashes.txt}, read in step. */
    public EntryCursor entries() throws IOException {
        InputStream entries = storage.open(JournalBundle.ENTRIES);
        try {
            return new BundleEntryCursor(new LineReader(entries, JournalBundle.ENTRIES, MAX_LINE),
                    new LineReader(storage.open(JournalBundle.LEAF_HASHES), JournalBundle.LEAF_HASHES, MAX_LINE));
        } catch (IOException | RuntimeException e) {
            entries.close();
            throw e;
        }
    }

    /** This bundle as the input of {@link JournalAudit}. */
    public AuditSource auditSource() {
        return new AuditSource() {
            @Override
            public String origin() {
                return bundle.origin();
            }

            @Override
            public long firstSeq() {
                return bundle.firstSeq();
            }

            @Override
            public OptionalLong lastSeq() {
                return OptionalLong.of(bundle.lastSeq());
            }

            @Override
            public CompactRange prefix() {
                return bundle.prefix();
            }

            @Override
            public EntryCursor entries() throws IOException {
                return JournalBundleReader.this.entries();
            }

            @Override
            public List<CheckpointEvidence> checkpoints() {
                return bundle.checkpoints();
            }

            @Override
            public List<ConsistencyProof> consistencyProofs() {
                return bundle.consistencyProofs();
            }

            @Override
            public OptionalLong treeSizeAtExport() {
                return OptionalLong.of(bundle.treeSize());
            }
        };
    }

    @Override
    public void close() throws IOException {
        storage.close();
    }

    private static JournalBundle readMetadata(BundleStorage storage) throws IOException {
        if (!storage.exists(JournalBundle.MANIFEST)) {
            throw new MalformedBundleException("ce n'est pas un lot de journal Regard : " + JournalBundle.MANIFEST
                    + " introuvable");
        }
        JournalBundle.Builder builder = parse(JournalBundle.MANIFEST, readAll(storage, JournalBundle.MANIFEST),
                BundleJson::readManifest);
        builder.prefix(parse(JournalBundle.PREFIX, readAll(storage, JournalBundle.PREFIX), BundleJson::readPrefix));
        builder.checkpoints(readLines(storage, JournalBundle.CHECKPOINTS, BundleJson::readCheckpoint));
        builder.consistencyProofs(readLines(storage, JournalBundle.CONSISTENCY, BundleJson::readConsistency));
        if (storage.exists(JournalBundle.VERIFIER_KEY)) {
            builder.verifierKey(BundleJson.utf8(readAll(storage, JournalBundle.VERIFIER_KEY)).strip());
        }
        if (storage.exists(JournalBundle.TSA_CERTIFICATES)) {
            builder.tsaCertificatesPem(new String(readAll(storage, JournalBundle.TSA_CERTIFICATES),
                    StandardCharsets.US_ASCII));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new MalformedBundleException("manifeste incohérent : " + e.getMessage(), e);
        }
    }

    private static <T> List<T> readLines(BundleStorage storage, String name, Function<byte[], T> parser)
            throws IOException {
        List<T> items = new ArrayList<>();
        if (!storage.exists(name)) {
            throw new MalformedBundleException("fichier manquant : " + name);
        }
        try (LineReader lines = new LineReader(storage.open(name), name, MAX_LINE)) {
            while (lines.next()) {
                byte[] line = java.util.Arrays.copyOfRange(lines.line(), lines.offset(), lines.offset() + lines.length());
                items.add(parse(name + ", ligne " + lines.number(), line, parser));
            }
        }
        return items;
    }

    private static <T> T parse(String where, byte[] content, Function<byte[], T> parser) throws MalformedBundleException {
        try {
            return parser.apply(content);
        } catch (IllegalArgumentException e) {
            throw new MalformedBundleException(where + " : " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(BundleStorage storage, String name) throws IOException {
        try (InputStream in = storage.open(name)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                out.write(buffer, 0, read);
                if (out.size() > MAX_METADATA) {
                    throw new MalformedBundleException(name + " dépasse " + MAX_METADATA + " octets");
                }
            }
            return out.toByteArray();
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Decodes a {@code leaf-hashes.txt} line, 64 lowercase hex digits, into {@code into[at .. at + 32)}; false (and
     * {@code into} partly written) if the line is anything else. Eight digits at a time: a byte is a digit when it is
     * ASCII, at least 0x30 ({@code + 0x50} sets its high bit) and at most 0x39 ({@code + 0x46} does not), or at least
     * 0x61 and at most 0x66 (likewise with 0x1F and 0x19); sums stay below 0x100 for ASCII bytes, so no carry crosses
     * bytes (a non-ASCII byte fails the line anyway). Its value is its low nibble, plus 9 for a letter (bit 6).
     */
    static boolean decodeHex(byte[] line, int offset, int length, byte[] into, int at) {
        if (length != 2 * MerkleHash.LENGTH) {
            return false;
        }
        long bad = 0;
        for (int word = 0; word < 8; word++) {
            long x = (long) LONGS.get(line, offset + 8 * word);
            long digit = (x + 0x5050505050505050L) & ~(x + 0x4646464646464646L);
            long letter = (x + 0x1F1F1F1F1F1F1F1FL) & ~(x + 0x1919191919191919L);
            bad |= x | ~(digit | letter);
            long nibbles = (x & 0x0F0F0F0F0F0F0F0FL) + ((x >>> 6) & 0x0101010101010101L) * 9;
            long pairs = (nibbles & 0x00FF00FF00FF00FFL) << 4 | (nibbles >>> 8) & 0x00FF00FF00FF00FFL;
            pairs = (pairs | pairs >>> 8) & 0x0000FFFF0000FFFFL;
            INTS.set(into, at + 4 * word, (int) (pairs | pairs >>> 16));
        }
        return (bad & 0x8080808080808080L) == 0;
    }

    /** Reads {@code entries.jsonl} and {@code leaf-hashes.txt} in step; hash lines are 64 lowercase hex digits. */
    static final class BundleEntryCursor implements EntryCursor {
        private final LineReader entries;
        private final LineReader hashes;
        private final byte[] hash = new byte[MerkleHash.LENGTH];
        private boolean hasEntry;
        private boolean hashValid;

        BundleEntryCursor(LineReader entries, LineReader hashes) {
            this.entries = entries;
            this.hashes = hashes;
        }

        @Override
        public boolean next() throws IOException {
            hasEntry = entries.next();
            boolean hasHash = hashes.next();
            hashValid = hasHash && decodeHex(hashes.line(), hashes.offset(), hashes.length(), hash, 0);
            return hasEntry || hasHash;
        }

        /** For a parallel audit, which reads the files itself, in step, after {@link #next()} was never called. */
        LineReader entryLines() {
            return entries;
        }

        LineReader hashLines() {
            return hashes;
        }

        @Override
        public byte[] entry() {
            return hasEntry ? entries.line() : null;
        }

        @Override
        public int entryOffset() {
            return hasEntry ? entries.offset() : 0;
        }

        @Override
        public int entryLength() {
            return hasEntry ? entries.length() : 0;
        }

        @Override
        public byte[] storedLeafHash() {
            return hashValid ? hash : null;
        }

        @Override
        public void close() throws IOException {
            try {
                entries.close();
            } finally {
                hashes.close();
            }
        }
    }
}
