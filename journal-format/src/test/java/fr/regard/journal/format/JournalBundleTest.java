package fr.regard.journal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and reading journal bundles (docs/journal-format.md, "Bundle"), as a directory and as a zip. */
class JournalBundleTest {

    private static JournalFixture journal;

    @TempDir
    Path temp;

    @BeforeAll
    static void journal() {
        journal = JournalFixture.create(250, 100).timestampedWith(JournalFixture::fakeToken);
    }

    @Test
    void a_bundle_written_to_a_directory_reads_back_identically_entries_included() throws IOException {
        JournalBundle bundle = journal.bundle(120, 249, 250, OptionalLong.of(50));
        Path directory = journal.writeDirectory(temp.resolve("bundle"), bundle);

        try (JournalBundleReader reader = JournalBundleReader.open(directory)) {
            assertSameMetadata(reader.bundle(), bundle);
            assertEntries(reader, 120, 249);
        }
        assertThat(Files.readString(directory.resolve(JournalBundle.MANIFEST))).isEqualTo(
                "{\"exportedAt\":\"2026-12-01T09:00:00Z\",\"firstSeq\":120,\"format\":\"regard-journal-bundle/1\","
                        + "\"lastSeq\":249,\"origin\":\"regard.example/journal\",\"treeSize\":250}\n");
        assertThat(Files.readAllLines(directory.resolve(JournalBundle.LEAF_HASHES)).get(0))
                .matches("[0-9a-f]{64}");
        assertThat(Files.readString(directory.resolve(JournalBundle.VERIFIER_KEY)).strip())
                .isEqualTo(journal.verifier().verifierKey());
    }

    @Test
    void a_bundle_streamed_as_a_zip_reads_back_identically() throws IOException {
        JournalBundle bundle = journal.bundle();
        Path zip = journal.writeZip(temp.resolve("bundle.zip"), bundle);

        try (JournalBundleReader reader = JournalBundleReader.open(zip)) {
            assertSameMetadata(reader.bundle(), bundle);
            assertEntries(reader, 0, 249);
        }
        assertThat(zipNames(zip)).containsExactly("manifest.json", "prefix.json", "checkpoints.jsonl",
                "consistency.jsonl", "keys/journal.vkey", "entries.jsonl", "leaf-hashes.txt");
    }

    @Test
    void a_zip_of_the_bundle_folder_itself_is_read_too() throws IOException {
        JournalBundle bundle = journal.bundle();
        Path directory = journal.writeDirectory(temp.resolve("journal-2026"), bundle);
        Path zip = temp.resolve("folder.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                var files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry("journal-2026/" + directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }

        try (JournalBundleReader reader = JournalBundleReader.open(zip)) {
            assertSameMetadata(reader.bundle(), bundle);
            assertEntries(reader, 0, 249);
        }
    }

    @Test
    void the_zip_writer_leaves_the_callers_stream_open() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] closed = {false};
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        JournalBundle bundle = journal.bundle(0, 9, 250, OptionalLong.empty());

        JournalBundleWriter.writeZip(out, bundle, journal.records(0, 9));

        assertThat(closed[0]).isFalse();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("manifest.json");
        }
    }

    @Test
    void the_writer_refuses_a_count_different_from_the_manifest_and_entries_with_a_newline() throws IOException {
        JournalBundle bundle = journal.bundle(0, 9, 250, OptionalLong.empty());
        JournalBundleWriter writer = JournalBundleWriter.toDirectory(temp.resolve("short"), bundle);
        writer.append(journal.entry(0), journal.leafHash(0));
        assertThatThrownBy(writer::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declares 10 entries").hasMessageContaining("1 were written");

        try (JournalBundleWriter other = JournalBundleWriter.toDirectory(temp.resolve("newline"), bundle)) {
            assertThatThrownBy(() -> other.append("{\n}".getBytes(StandardCharsets.UTF_8), journal.leafHash(0)))
                    .hasMessageContaining("newline");
            other.appendAll(journal.records(0, 9));
        }
        assertThatThrownBy(() -> JournalBundleWriter.toDirectory(temp.resolve("newline"), bundle))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void a_missing_path_or_an_unreadable_zip_is_an_io_error_not_a_malformed_bundle() throws IOException {
        assertThatThrownBy(() -> JournalBundleReader.open(temp.resolve("nowhere")))
                .isInstanceOf(NoSuchFileException.class);
        Path notZip = Files.writeString(temp.resolve("bundle.zip"), "not a zip");
        assertThatThrownBy(() -> JournalBundleReader.open(notZip)).isInstanceOf(ZipException.class);
    }

    @Test
    void malformed_metadata_is_reported_with_the_file_and_line() throws IOException {
        Path directory = journal.writeDirectory(temp.resolve("bundle"), journal.bundle());

        BundleFiles.edit(directory, JournalBundle.CHECKPOINTS, lines -> {
            lines.set(1, lines.get(1).replace("{\"note\"", "{\"x\":1,\"note\""));
            return lines;
        });
        assertThatThrownBy(() -> JournalBundleReader.open(directory)).isInstanceOf(MalformedBundleException.class)
                .hasMessage("checkpoints.jsonl, ligne 2 : membre inconnu « x »");

        Path other = journal.writeDirectory(temp.resolve("other"), journal.bundle());
        BundleFiles.editManifest(other, "regard-journal-bundle/1", "regard-journal-bundle/9");
        assertThatThrownBy(() -> JournalBundleReader.open(other)).isInstanceOf(MalformedBundleException.class)
                .hasMessageContaining("regard-journal-bundle/9");

        Path third = journal.writeDirectory(temp.resolve("third"), journal.bundle());
        BundleFiles.editManifest(third, "\"firstSeq\":0", "\"firstSeq\":5");
        assertThatThrownBy(() -> JournalBundleReader.open(third)).isInstanceOf(MalformedBundleException.class)
                .hasMessageContaining("manifeste incohérent");

        Path fourth = journal.writeDirectory(temp.resolve("fourth"), journal.bundle());
        Files.delete(fourth.resolve(JournalBundle.LEAF_HASHES));
        assertThatThrownBy(() -> JournalBundleReader.open(fourth)).isInstanceOf(MalformedBundleException.class)
                .hasMessageContaining("leaf-hashes.txt");

        Path empty = Files.createDirectory(temp.resolve("empty"));
        assertThatThrownBy(() -> JournalBundleReader.open(empty)).isInstanceOf(MalformedBundleException.class)
                .hasMessageContaining("ce n'est pas un lot de journal Regard");
    }

    private static void assertSameMetadata(JournalBundle read, JournalBundle written) {
        assertThat(read.origin()).isEqualTo(written.origin());
        assertThat(read.firstSeq()).isEqualTo(written.firstSeq());
        assertThat(read.lastSeq()).isEqualTo(written.lastSeq());
        assertThat(read.treeSize()).isEqualTo(written.treeSize());
        assertThat(read.exportedAt()).isEqualTo(written.exportedAt());
        assertThat(read.prefix()).isEqualTo(written.prefix());
        assertThat(read.checkpoints()).isEqualTo(written.checkpoints());
        assertThat(read.consistencyProofs()).isEqualTo(written.consistencyProofs());
        assertThat(read.verifierKey()).isEqualTo(written.verifierKey());
        assertThat(read.checkpoints()).allSatisfy(c -> assertThat(c.timestampToken()).isPresent());
    }

    private static void assertEntries(JournalBundleReader reader, long from, long to) throws IOException {
        List<Long> seqs = new ArrayList<>();
        try (EntryCursor cursor = reader.entries()) {
            while (cursor.next()) {
                byte[] entry = Arrays.copyOfRange(cursor.entry(), cursor.entryOffset(), cursor.entryOffset() + cursor.entryLength());
                long seq = JournalEntry.seqOf(entry);
                assertThat(entry).isEqualTo(journal.entry(seq));
                assertThat(cursor.storedLeafHash()).isEqualTo(journal.leafHash(seq));
                seqs.add(seq);
            }
        }
        assertThat(seqs).hasSize((int) (to - from + 1)).startsWith(from).endsWith(to);
    }

    private static List<String> zipNames(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
