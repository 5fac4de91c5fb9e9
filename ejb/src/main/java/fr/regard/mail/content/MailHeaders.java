package fr.regard.mail.content;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimePart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tolerant reading of the headers of one message or part: ids, addresses, types. Nothing here throws. */
final class MailHeaders {

    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"(),;:@]+@[^\\s<>\"(),;:@]+\\.[^\\s<>\"(),;:@]+");

    private final MimePart part;

    MailHeaders(MimePart part) {
        this.part = part;
    }

    /** The raw first value of a header, null when absent or unreadable. */
    String raw(String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** All raw values of a header joined by a comma, null when absent. */
    String rawAll(String name) {
        try {
            String joined = part.getHeader(name, ",");
            return joined;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The Content-Type without parameters' case issues: lower case, unfolded; "text/plain" when absent. */
    String contentType() {
        String ct = raw("Content-Type");
        return ct == null ? "text/plain" : TextDecoding.singleLine(ct).toLowerCase(Locale.ROOT);
    }

    /** The first message id of a header, without angle brackets; null when none. */
    String messageId(String name) {
        List<String> ids = messageIds(raw(name));
        return ids.isEmpty() ? null : ids.get(0);
    }

    static List<String> messageIds(String raw) {
        if (raw == null) {
            return List.of();
        }
        String value = TextDecoding.singleLine(raw);
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ANGLE_ID.matcher(value);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : value.split("[\\s,]+")) {
                if (token.contains("@") && token.length() <= 998) {
                    ids.add(token.replaceAll("^<|>$", ""));
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (id.length() <= 998) {
                out.add(id);
            }
            if (out.size() >= 100) {
                break;
            }
        }
        return out;
    }

    static String domainOf(String idOrAddress) {
        if (idOrAddress == null) {
            return null;
        }
        int at = idOrAddress.lastIndexOf('@');
        return at < 0 ? null : idOrAddress.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The addresses of an address header, lower case. */
    List<InternetAddress> addresses(String name) {
        String raw = rawAll(name);
        if (raw == null) {
            return List.of();
        }
        List<InternetAddress> out = new ArrayList<>();
        try {
            for (InternetAddress a : InternetAddress.parseHeader(raw, false)) {
                String address = a.getAddress();
                if (address != null && address.contains("@")) {
                    out.add(new InternetAddress(clean(address), a.getPersonal()));
                } else if (address != null) {
                    addBare(address, out);
                }
            }
        } catch (Exception e) {
            out.clear();
            addBare(raw, out);
        }
        return out.size() > 500 ? out.subList(0, 500) : out;
    }

    private static void addBare(String text, List<InternetAddress> out) {
        Matcher m = BARE_ADDRESS.matcher(TextDecoding.singleLine(text));
        while (m.find()) {
            InternetAddress a = new InternetAddress();
            a.setAddress(clean(m.group()));
            out.add(a);
        }
    }

    private static String clean(String address) {
        return TextDecoding.singleLine(address).replaceAll("[\\s<>\"]", "").toLowerCase(Locale.ROOT);
    }

    static List<String> addressList(List<InternetAddress> addresses) {
        return addresses.stream().map(InternetAddress::getAddress).distinct().toList();
    }

    /** The decoded display name, null when blank. */
    static String displayName(InternetAddress address) {
        String personal = address.getPersonal();
        if (personal == null) {
            return null;
        }
        String decoded = TextDecoding.truncate(TextDecoding.headerText(personal), 200);
        return decoded.isBlank() ? null : decoded;
    }
}
