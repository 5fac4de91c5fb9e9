package fr.regard.journal.format;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a journal bundle (docs/journal-format.md, "Bundle") to a directory or as a zip to an output stream, streaming
 * the entries: the metadata files are written first, then each {@link #append} adds one line to
 * {@code entries.jsonl} and one to {@code leaf-hashes.txt}. In a zip the leaf hashes wait in a temporary file
 * (65 bytes per entry) until {@link #close()}, which also checks that exactly the declared entries were written.
 * The entries are written as given: exporting must not hide a damaged journal, the verifier judges it.
 */
public final class JournalBundleWriter implements Closeable {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final JournalBundle bundle;
    private final OutputStream entries;
    private final OutputStream leafHashes;
    private final ZipOutputStream zip;
    private final Path spool;
    private final byte[] hexLine = new byte[2 * MerkleHash.LENGTH + 1];
    private long written;
    private boolean closed;

    private JournalBundleWriter(JournalBundle bundle, OutputStream entries, OutputStream leafHashes,
            ZipOutputStream zip, Path spool) {
        this.bundle = bundle;
        this.entries = entries;
        this.leafHashes = leafHashes;
        this.zip = zip;
        this.spool = spool;
        hexLine[hexLine.length - 1] = '\n';
    }

    /** Starts a bundle in {@code directory}, created if needed; an existing bundle there is not overwritten. */
    public static JournalBundleWriter toDirectory(Path directory, JournalBundle bundle) throws IOException {
        Objects.requireNonNull(bundle, "bundle");
        Files.createDirectories(directory.resolve("keys"));
        if (Files.exists(directory.resolve(JournalBundle.MANIFEST))) {
            throw new FileAlreadyExistsException(directory.resolve(JournalBundle.MANIFEST).toString());
        }
        for (String name : new String[] {JournalBundle.MANIFEST, JournalBundle.PREFIX, JournalBundle.CHECKPOINTS,
                JournalBundle.CONSISTENCY, JournalBundle.VERIFIER_KEY, JournalBundle.TSA_CERTIFICATES}) {
            byte[] content = metadata(bundle, name);
            if (content != null) {
                Files.write(directory.resolve(name), content);
            }
        }
        return new JournalBundleWriter(bundle, buffered(Files.newOutputStream(directory.resolve(JournalBundle.ENTRIES))),
                buffered(Files.newOutputStream(directory.resolve(JournalBundle.LEAF_HASHES))), null, null);
    }

    /**
     * Starts a zip bundle on {@code out}; {@link #close()} finishes the archive but leaves {@code out} open (an HTTP
     * response, say).
     */
    public static JournalBundleWriter toZip(OutputStream out, JournalBundle bundle) throws IOException {
        Objects.requireNonNull(bundle, "bundle");
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(Objects.requireNonNull(out, "out")) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        for (String name : new String[] {JournalBundle.MANIFEST, JournalBundle.PREFIX, JournalBundle.CHECKPOINTS,
                JournalBundle.CONSISTENCY, JournalBundle.VERIFIER_KEY, JournalBundle.TSA_CERTIFICATES}) {
            byte[] content = metadata(bundle, name);
            if (content != null) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
        }
        zip.putNextEntry(new ZipEntry(JournalBundle.ENTRIES));
        Path spool = Files.createTempFile("regard-leaf-hashes", ".txt");
        OutputStream entries = buffered(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        return new JournalBundleWriter(bundle, entries, buffered(Files.newOutputStream(spool)), zip, spool);
    }

    /** Writes a whole bundle to a directory. */
    public static void writeDirectory(Path directory, JournalBundle bundle, Iterator<AuditRecord> records)
            throws IOException {
        try (JournalBundleWriter writer = toDirectory(directory, bundle)) {
            writer.appendAll(records);
        }
    }

    /** Writes a whole bundle as a zip to {@code out}, left open. */
    public static void writeZip(OutputStream out, JournalBundle bundle, Iterator<AuditRecord> records)
            throws IOException {
        try (JournalBundleWriter writer = toZip(out, bundle)) {
            writer.appendAll(records);
        }
    }

    /** Appends the next entry (canonical bytes, no newline) and the leaf hash stored for it. */
    public void append(byte[] canonicalEntry, byte[] storedLeafHash) throws IOException {
        if (closed) {
            throw new IllegalStateException("the bundle is closed");
        }
        Objects.requireNonNull(canonicalEntry, "canonicalEntry");
        MerkleHash.requireHash(storedLeafHash, "storedLeafHash");
        for (byte b : canonicalEntry) {
            if (b == '\n') {
                throw new IllegalArgumentException("an entry line cannot hold a newline (seq "
                        + (bundle.firstSeq() + written) + ")");
            }
        }
        entries.write(canonicalEntry);
        entries.write('\n');
        for (int i = 0; i < MerkleHash.LENGTH; i++) {
            hexLine[2 * i] = HEX[(storedLeafHash[i] >> 4) & 0xF];
            hexLine[2 * i + 1] = HEX[storedLeafHash[i] & 0xF];
        }
        leafHashes.write(hexLine);
        written++;
    }

    public void appendAll(Iterator<AuditRecord> records) throws IOException {
        while (records.hasNext()) {
            AuditRecord record = records.next();
            append(record.canonicalEntry(), record.storedLeafHash());
        }
    }

    /** Number of entries appended so far. */
    public long written() {
        return written;
    }

    /** Finishes the files; fails if the number of entries differs from the manifest's {@code lastSeq - firstSeq + 1}. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            entries.close();
            leafHashes.close();
            if (zip != null) {
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(JournalBundle.LEAF_HASHES));
                Files.copy(spool, zip);
                zip.closeEntry();
                zip.finish();
                zip.flush();
            }
        } finally {
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
        }
        if (written != bundle.entryCount()) {
            throw new IllegalStateException("the manifest declares " + bundle.entryCount() + " entries (seqs "
                    + bundle.firstSeq() + ".." + bundle.lastSeq() + ") but " + written + " were written");
        }
    }

    private static byte[] metadata(JournalBundle bundle, String name) {
        return switch (name) {
            case JournalBundle.MANIFEST -> BundleJson.manifest(bundle);
            case JournalBundle.PREFIX -> BundleJson.prefix(bundle.prefix());
            case JournalBundle.CHECKPOINTS -> lines(bundle.checkpoints().stream().map(BundleJson::checkpoint).toList());
            case JournalBundle.CONSISTENCY -> lines(bundle.consistencyProofs().stream().map(BundleJson::consistency).toList());
            case JournalBundle.VERIFIER_KEY -> bundle.verifierKey().map(key -> (key + "\n").getBytes(StandardCharsets.UTF_8)).orElse(null);
            case JournalBundle.TSA_CERTIFICATES -> bundle.tsaCertificatesPem().map(pem -> pem.getBytes(StandardCharsets.US_ASCII)).orElse(null);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static byte[] lines(java.util.List<byte[]> lines) {
        ByteSink out = new ByteSink(1024);
        for (byte[] line : lines) {
            out.write(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static OutputStream buffered(OutputStream out) {
        return new BufferedOutputStream(out, 1 << 16);
    }
}
