package fr.regard.platform.application;

/**
 * Links Regard prints for people outside (letters, e-mails): built from {@code regard.public.url}, with or without a
 * trailing slash.
 */
public final class PublicUrls {

    private PublicUrls() {
    }

    /** The public address without a trailing slash. */
    public static String base(String publicUrl) {
        String base = publicUrl.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The tracking page; a requester's own link is this followed by their secret token. */
    public static String trackingPage(String publicUrl) {
        return base(publicUrl) + "/api/v1/tracking/";
    }
}
