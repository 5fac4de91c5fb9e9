package fr.regard.journal.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Helpers to tamper with the files of a bundle directory, line by line, as an attacker would. */
public final class BundleFiles {

    private BundleFiles() {
    }

    public static List<String> lines(Path directory, String name) {
        try {
            return new ArrayList<>(Files.readAllLines(directory.resolve(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeLines(Path directory, String name, List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        try {
            Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites a file's lines. */
    public static void edit(Path directory, String name, UnaryOperator<List<String>> change) {
        writeLines(directory, name, change.apply(lines(directory, name)));
    }

    /** Replaces text in the manifest (e.g. {@code "lastSeq":999} by {@code "lastSeq":799}). */
    public static void editManifest(Path directory, String from, String to) {
        edit(directory, JournalBundle.MANIFEST, lines -> {
            String manifest = lines.get(0);
            if (!manifest.contains(from)) {
                throw new IllegalArgumentException("not in the manifest: " + from + " in " + manifest);
            }
            return List.of(manifest.replace(from, to));
        });
    }
}
