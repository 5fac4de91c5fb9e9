package fr.regard.documents.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem store on a real folder: layout, content addressing, stored once, atomic writes, bad addresses. */
class FilesystemBlobStoreTest {

    // SHA-256 of "abc" (FIPS 180-2 test vector)
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path root;

    @Test
    void aBlobIsStoredUnderItsSha256InATwoLevelLayout() throws Exception {
        FilesystemBlobStore store = new FilesystemBlobStore(root);
        BlobStore.StoredBlob blob = store.put("abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(blob.sha256()).isEqualTo(ABC);
        assertThat(blob.size()).isEqualTo(3);
        assertThat(blob.written()).isTrue();
        Path file = root.resolve("sha256/ba/7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(file).isRegularFile().hasBinaryContent("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(store.contains(ABC)).isTrue();
        assertThat(store.get(ABC)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("abc"));
    }

    @Test
    void anErasedBlobIsGoneAndEraseIsIdempotent() {
        FilesystemBlobStore store = new FilesystemBlobStore(root);
        BlobStore.StoredBlob kept = store.put("kept".getBytes(StandardCharsets.US_ASCII));
        store.put("abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(store.erase(ABC)).isTrue();

        assertThat(store.contains(ABC)).isFalse();
        assertThat(store.get(ABC)).isEmpty();
        assertThat(store.pathOf(ABC)).doesNotExist();
        assertThat(store.erase(ABC)).as("already gone").isFalse();
        assertThat(store.erase("../../etc/passwd")).as("not an address").isFalse();
        assertThat(store.contains(kept.sha256())).as("the others stay").isTrue();
    }

    @Test
    void aSecondIdenticalBlobIsNotWrittenAgainAndLeavesNoTemporaryFile() throws Exception {
        FilesystemBlobStore store = new FilesystemBlobStore(root);
        byte[] content = "Accusé de réception".getBytes(StandardCharsets.UTF_8);
        BlobStore.StoredBlob first = store.put(content);
        Path file = store.pathOf(first.sha256());
        long modified = Files.getLastModifiedTime(file).toMillis();

        BlobStore.StoredBlob second = store.put(content.clone());

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.written()).isFalse();
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(file);
        }
    }

    @Test
    void concurrentWritersOfTheSameBlobLeaveOneCompleteFile() throws Exception {
        FilesystemBlobStore store = new FilesystemBlobStore(root);
        byte[] content = new byte[2_000_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<BlobStore.StoredBlob>> writers = java.util.Collections.nCopies(8, () -> store.put(content));
            List<BlobStore.StoredBlob> results = pool.invokeAll(writers).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertThat(results).extracting(BlobStore.StoredBlob::sha256).containsOnly(FilesystemBlobStore.sha256(content));
        } finally {
            pool.shutdown();
        }
        Path file = store.pathOf(FilesystemBlobStore.sha256(content));
        assertThat(file).hasBinaryContent(content);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(file);
        }
    }

    @Test
    void unknownOrMalformedAddressesFindNothing() {
        FilesystemBlobStore store = new FilesystemBlobStore(root);
        assertThat(store.get(ABC)).isEmpty();
        assertThat(store.contains(ABC)).isFalse();
        assertThat(store.get("../../etc/passwd")).isEmpty();
        assertThat(store.get(ABC.toUpperCase())).isEmpty();
        assertThat(store.contains(null)).isFalse();
        assertThatThrownBy(() -> store.pathOf("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
