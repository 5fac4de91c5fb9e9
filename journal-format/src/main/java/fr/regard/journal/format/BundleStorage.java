package fr.regard.journal.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the files of a bundle live (docs/journal-format.md, "Bundle"): a directory, or a zip archive with the same
 * paths, possibly all under one top-level folder (as made by zipping the directory itself).
 */
abstract class BundleStorage implements Closeable {

    static BundleStorage open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new Directory(path);
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        return new Zip(new ZipFile(path.toFile()));
    }

    abstract boolean exists(String name);

    /** Opens a file of the bundle; a missing one makes the bundle malformed. */
    abstract InputStream open(String name) throws IOException;

    @Override
    public void close() throws IOException {
    }

    private static final class Directory extends BundleStorage {
        private final Path root;

        Directory(Path root) {
            this.root = root;
        }

        @Override
        boolean exists(String name) {
            return Files.isRegularFile(root.resolve(name));
        }

        @Override
        InputStream open(String name) throws IOException {
            if (!exists(name)) {
                throw new MalformedBundleException("fichier manquant : " + name);
            }
            return Files.newInputStream(root.resolve(name));
        }
    }

    private static final class Zip extends BundleStorage {
        private final ZipFile zip;
        private final String folder;

        Zip(ZipFile zip) throws IOException {
            this.zip = zip;
            this.folder = zip.getEntry(JournalBundle.MANIFEST) != null ? "" : singleFolder(zip);
        }

        /** The one top-level folder holding a manifest, or "" (the manifest will then be missing). */
        private static String singleFolder(ZipFile zip) {
            String found = "";
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                int slash = name.indexOf('/');
                if (slash > 0 && name.substring(slash + 1).equals(JournalBundle.MANIFEST)) {
                    if (!found.isEmpty()) {
                        return "";
                    }
                    found = name.substring(0, slash + 1);
                }
            }
            return found;
        }

        @Override
        boolean exists(String name) {
            ZipEntry entry = zip.getEntry(folder + name);
            return entry != null && !entry.isDirectory();
        }

        @Override
        InputStream open(String name) throws IOException {
            if (!exists(name)) {
                throw new MalformedBundleException("fichier manquant dans l'archive : " + name);
            }
            return zip.getInputStream(zip.getEntry(folder + name));
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
