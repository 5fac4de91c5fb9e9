package fr.regard.mail.content;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** File types from names and from magic bytes: what is an executable, what is an archive. */
final class FileTypes {

    static final String OCTET_STREAM = "application/octet-stream";
    static final String ZIP = "application/zip";
    static final String GZIP = "application/gzip";
    static final String TAR = "application/x-tar";
    static final String SEVEN_Z = "application/x-7z-compressed";
    static final String RAR = "application/vnd.rar";
    /** Bytes needed by {@link #detect}. */
    static final int HEAD = 512;

    /** Extensions Windows, macOS or Linux run (or mount) on a double-click. */
    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            "exe", "bat", "cmd", "com", "scr", "pif", "cpl", "msi", "msp", "mst", "dll", "sys", "drv", "ocx",
            "js", "jse", "vbs", "vbe", "wsf", "wsh", "wsc", "ws", "hta", "ps1", "ps1xml", "ps2", "psm1", "psd1",
            "msc", "msh", "jar", "class", "lnk", "url", "scf", "inf", "reg", "iso", "img", "vhd", "vhdx",
            "appx", "appxbundle", "msix", "application", "gadget", "chm", "hlp", "sct", "shb", "xll", "xbap",
            "sh", "bash", "csh", "ksh", "command", "app", "pkg", "dmg", "apk", "deb", "rpm", "run", "elf",
            "py", "pyw", "pl", "rb", "php");

    private FileTypes() {
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).trim();
    }

    static boolean executableName(String fileName) {
        return EXECUTABLE_EXTENSIONS.contains(extension(fileName));
    }

    /** The MIME type of the first bytes, {@link #OCTET_STREAM} when unknown. */
    static String detect(byte[] head, int length) {
        if (startsWith(head, length, 'M', 'Z')) {
            return "application/x-msdownload";
        }
        if (startsWith(head, length, 0x7F, 'E', 'L', 'F')) {
            return "application/x-elf";
        }
        if (machO(head, length)) {
            return "application/x-mach-binary";
        }
        if (startsWith(head, length, '#', '!')) {
            return "text/x-shellscript";
        }
        if (startsWith(head, length, '%', 'P', 'D', 'F')) {
            return "application/pdf";
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(head, length, 'R', 'I', 'F', 'F') && length >= 12 && ascii(head, 8, 4).equals("WEBP")) {
            return "image/webp";
        }
        if (length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            return brand.startsWith("hei") || brand.startsWith("mif1") ? "image/heic"
                    : brand.startsWith("qt") ? "video/quicktime" : "video/mp4";
        }
        if (startsWith(head, length, 'P', 'K', 3, 4) || startsWith(head, length, 'P', 'K', 5, 6)) {
            return ZIP;
        }
        if (startsWith(head, length, 0x1F, 0x8B)) {
            return GZIP;
        }
        if (startsWith(head, length, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return SEVEN_Z;
        }
        if (startsWith(head, length, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            return RAR;
        }
        if (length >= 262 && ascii(head, 257, 5).equals("ustar")) {
            return TAR;
        }
        if (startsWith(head, length, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "application/x-ole-storage";
        }
        if (startsWith(head, length, '{', '\\', 'r', 't', 'f')) {
            return "application/rtf";
        }
        return looksLikeText(head, length) ? "text/plain" : OCTET_STREAM;
    }

    static boolean executableType(String detected) {
        return detected.equals("application/x-msdownload") || detected.equals("application/x-elf")
                || detected.equals("application/x-mach-binary") || detected.equals("text/x-shellscript");
    }

    static boolean archiveType(String detected) {
        return detected.equals(ZIP) || detected.equals(GZIP) || detected.equals(TAR) || detected.equals(SEVEN_Z)
                || detected.equals(RAR);
    }

    private static boolean machO(byte[] h, int n) {
        return startsWith(h, n, 0xFE, 0xED, 0xFA, 0xCE) || startsWith(h, n, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(h, n, 0xCE, 0xFA, 0xED, 0xFE) || startsWith(h, n, 0xCF, 0xFA, 0xED, 0xFE)
                || startsWith(h, n, 0xCA, 0xFE, 0xBA, 0xBE); // universal binary (and Java class files)
    }

    private static boolean looksLikeText(byte[] h, int n) {
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int b = h[i] & 0xFF;
            if (b == 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0C)) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] h, int from, int len) {
        return new String(h, from, len, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] h, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
