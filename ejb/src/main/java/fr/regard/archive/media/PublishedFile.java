package fr.regard.archive.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * An extract as published: written under a hidden temporary name beside its final place, hashed, then moved into
 * place (never over an existing file), so that the output is either complete or absent.
 *
 * <p>The SHA-256 is taken in one sequential read of the finished temporary file, just before the move: an MP4 muxer
 * goes back to patch the media box's size and writes the index after the frames, so bytes hashed while they are
 * being written would not be the bytes of the file.
 */
record PublishedFile(Path path, long size, String sha256) {

    /** A new hidden temporary path beside {@code output}. */
    static Path temporaryFor(Path output) {
        return output.resolveSibling("." + output.getFileName() + "." + UUID.randomUUID() + ".part");
    }

    static PublishedFile publish(Path temporary, Path output) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new DigestInputStream(Files.newInputStream(temporary), sha256)) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                size += read;
            }
        }
        Files.move(temporary, output); // no REPLACE_EXISTING: an extract never replaces a file
        return new PublishedFile(output, size, HexFormat.of().formatHex(sha256.digest()));
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a hidden .part file left behind is removed by the next clean-up; the extract itself is absent
        }
    }
}
