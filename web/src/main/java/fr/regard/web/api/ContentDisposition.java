package fr.regard.web.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition: attachment} for a file name that came from outside (an e-mail attachment's). */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /**
     * An ASCII fallback (anything outside printable ASCII, quotes, backslashes and path separators replaced) and the
     * exact name as RFC 6266 / RFC 8187 {@code filename*} (UTF-8, percent-encoded): no header injection, no path.
     */
    static String attachment(String fileName) {
        String last = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1).strip();
        String name = last.isEmpty() ? "piece-jointe" : last;
        String ascii = name.replaceAll("[^\\x20-\\x7E]|[\"\\\\/;]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
