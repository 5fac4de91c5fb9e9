package fr.regard.documents.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link BlobStore} on a folder: {@code <root>/sha256/ab/cdef…} (the first two hex digits as a sub-folder, so that
 * no folder holds more than 1/256 of the blobs). A blob is written to a temporary file in the same folder, forced to
 * disk, then moved into place atomically: a crash leaves at worst a {@code .tmp} file, never a truncated blob.
 */
public final class FilesystemBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public FilesystemBlobStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredBlob put(byte[] content) {
        String sha256 = sha256(content);
        Path target = pathOf(sha256);
        if (Files.isRegularFile(target)) {
            return new StoredBlob(sha256, content.length, false);
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), sha256.substring(2, 10) + "-", ".tmp");
            try {
                Files.write(temporary, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.SYNC);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target);
                }
            } catch (FileAlreadyExistsException e) {
                return new StoredBlob(sha256, content.length, false);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return new StoredBlob(sha256, content.length, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the document blob " + sha256 + " under " + root, e);
        }
    }

    @Override
    public boolean erase(String sha256) {
        if (!isSha256(sha256)) {
            return false;
        }
        Path path = pathOf(sha256);
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot erase the document blob " + path, e);
        }
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        if (!isSha256(sha256)) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the document blob " + path, e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        return isSha256(sha256) && Files.isRegularFile(pathOf(sha256));
    }

    /** {@code <root>/sha256/ab/cdef…} for a well-formed lower-case hex SHA-256. */
    public Path pathOf(String sha256) {
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("Not a lower-case hex SHA-256: " + sha256);
        }
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    static boolean isSha256(String value) {
        return value != null && SHA256.matcher(value).matches();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
