package fr.regard.mail.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Looks inside zip, gzip and tar attachments by streaming them: every entry is read through a counter and thrown
 * away, nothing is inflated in memory beyond a small buffer, and the walk stops at the first limit passed (entries,
 * total size, expansion ratio, nesting depth) or the first executable found. 7z and RAR cannot be read with the
 * JDK: they are refused as not inspectable, as are encrypted zips.
 */
final class ArchiveInspector {

    /** Below this many uncompressed bytes the expansion ratio is not checked: tiny text files compress 200:1. */
    static final long RATIO_FLOOR_BYTES = 1024L * 1024L;
    private static final int BUFFER = 8192;

    private final MailLimits limits;
    private final long archiveSize;
    private int entries;
    private long uncompressed;

    private ArchiveInspector(MailLimits limits, long archiveSize) {
        this.limits = limits;
        this.archiveSize = Math.max(1, archiveSize);
    }

    /** Null when the archive is acceptable, else the French refusal. */
    static String refusal(byte[] archive, String detectedType, String fileName, MailLimits limits) {
        ArchiveInspector inspector = new ArchiveInspector(limits, archive.length);
        if (detectedType.equals(FileTypes.ZIP) && !hasEndOfCentralDirectory(archive)) {
            return "Archive illisible ou endommagée (incomplète) : son contenu ne peut pas être vérifié.";
        }
        try {
            inspector.inspect(new ByteArrayInputStream(archive), detectedType, fileName, 1);
            return null;
        } catch (Refused r) {
            return r.getMessage();
        } catch (ZipException e) {
            return e.getMessage() != null && e.getMessage().contains("encrypted")
                    ? "Archive chiffrée (protégée par mot de passe) : son contenu ne peut pas être vérifié."
                    : "Archive illisible ou endommagée : son contenu ne peut pas être vérifié.";
        } catch (IOException | RuntimeException e) {
            return "Archive illisible ou endommagée : son contenu ne peut pas être vérifié.";
        }
    }

    /** A complete zip ends with its end-of-central-directory record (22 bytes and a comment of up to 64 KiB). */
    private static boolean hasEndOfCentralDirectory(byte[] zip) {
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    private void inspect(InputStream in, String type, String name, int depth) throws IOException {
        if (depth > limits.maxNestingDepth()) {
            throw new Refused("Archive contenant des archives imbriquées sur plus de " + limits.maxNestingDepth()
                    + " niveaux (archive piège possible).");
        }
        switch (type) {
            case FileTypes.ZIP -> zip(in, depth);
            case FileTypes.GZIP -> gzip(in, name, depth);
            case FileTypes.TAR -> tar(in, depth);
            default -> throw new Refused("Archive au format " + (type.equals(FileTypes.RAR) ? "RAR" : "7z")
                    + " : son contenu ne peut pas être vérifié. Merci d'envoyer les fichiers eux-mêmes ou une archive ZIP.");
        }
    }

    private void zip(InputStream in, int depth) throws IOException {
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        ZipEntry entry;
        while ((entry = nextZipEntry(zip)) != null) {
            if (!entry.isDirectory()) {
                entry(entry.getName(), zip, depth);
            }
        }
    }

    private static ZipEntry nextZipEntry(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) { // names in a charset that is not UTF-8
            throw new ZipException("malformed entry name");
        }
    }

    private void gzip(InputStream in, String name, int depth) throws IOException {
        String inner = name.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.(gz|tgz)$", ".tar");
        entry(inner.endsWith(".tar") ? inner : inner.replaceAll("\\.gz$", ""), new GZIPInputStream(in, BUFFER), depth);
    }

    private void tar(InputStream in, int depth) throws IOException {
        byte[] header = new byte[512];
        String longName = null;
        while (readFully(in, header)) {
            if (allZero(header)) {
                return;
            }
            String name = longName != null ? longName : cString(header, 0, 100);
            long size = tarSize(header);
            char type = (char) header[156];
            InputStream data = new Bounded(in, size);
            if (type == 'L') {
                longName = cString(data.readNBytes((int) Math.min(size, 4096)), 0, (int) Math.min(size, 4096));
                drain(data);
            } else {
                longName = null;
                if (type == '0' || type == 0 || type == '7') {
                    entry(name, data, depth);
                } else {
                    drain(data);
                }
            }
            long padding = (512 - size % 512) % 512;
            in.skipNBytes(padding);
        }
    }

    /** One file of an archive: counted, checked for executables and archives (recursively), drained. */
    private void entry(String name, InputStream data, int depth) throws IOException {
        entries++;
        if (entries > limits.maxArchiveEntries()) {
            throw new Refused("Archive de plus de " + limits.maxArchiveEntries() + " fichiers (archive piège possible).");
        }
        String baseName = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (FileTypes.executableName(baseName)) {
            throw new Refused("Archive contenant un programme (« " + TextDecoding.truncate(TextDecoding.singleLine(baseName), 100)
                    + " ») : refusée par sécurité.");
        }
        byte[] head = new byte[FileTypes.HEAD];
        int n = readUpTo(data, head);
        count(n);
        String type = FileTypes.detect(head, n);
        if (FileTypes.executableType(type)) {
            throw new Refused("Archive contenant un programme (« " + TextDecoding.truncate(TextDecoding.singleLine(baseName), 100)
                    + " », " + type + ") : refusée par sécurité.");
        }
        InputStream rest = new Counting(data);
        if (FileTypes.archiveType(type)) {
            inspect(new SequenceInputStream(new ByteArrayInputStream(head, 0, n), rest), type, baseName, depth + 1);
        }
        drain(rest);
    }

    private void count(long bytes) {
        uncompressed += bytes;
        if (uncompressed > limits.maxArchiveTotalUncompressed()) {
            throw new Refused("Archive dont le contenu décompressé dépasse "
                    + MailTexts.megabytes(limits.maxArchiveTotalUncompressed()) + " (archive piège possible).");
        }
        if (uncompressed > RATIO_FLOOR_BYTES && uncompressed / archiveSize > limits.maxArchiveExpansionRatio()) {
            throw new Refused("Archive dont le contenu se décompresse plus de " + limits.maxArchiveExpansionRatio()
                    + " fois (archive piège possible).");
        }
    }

    /** Reads to the end, through {@link Counting} when the bytes count. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (in.read(buffer) >= 0) {
            // nothing kept
        }
    }

    private static int readUpTo(InputStream in, byte[] into) throws IOException {
        int n = 0;
        while (n < into.length) {
            int r = in.read(into, n, into.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private static boolean readFully(InputStream in, byte[] into) throws IOException {
        return readUpTo(in, into) == into.length;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String cString(byte[] b, int from, int max) {
        int end = from;
        while (end < from + max && end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    private static long tarSize(byte[] header) {
        if ((header[124] & 0x80) != 0) { // GNU base-256
            long size = 0;
            for (int i = 125; i < 136; i++) {
                size = (size << 8) | (header[i] & 0xFF);
                if (size < 0 || size > Long.MAX_VALUE >> 8) {
                    return Long.MAX_VALUE;
                }
            }
            return size;
        }
        String octal = cString(header, 124, 12).trim();
        try {
            return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
        } catch (NumberFormatException e) {
            throw new Refused("Archive TAR endommagée : son contenu ne peut pas être vérifié.");
        }
    }

    /** A refusal, carrying the French reason. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Counts every byte read into the archive's total, failing as soon as a limit is passed. */
    private final class Counting extends InputStream {
        private final InputStream in;

        Counting(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }
    }

    /** At most {@code limit} bytes of the underlying stream (one tar entry); does not close it. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            } else if (n < 0) {
                left = 0;
            }
            return n;
        }
    }
}
