package fr.regard.documents.domain;

import java.util.Locale;

/**
 * The languages Regard writes documents in: French first (every document), English for the documents a requester
 * reads (DOMAIN.md: "English second where the citizen asks for it"). {@link #tag} is the PDF's /Lang and XMP language.
 */
public enum DocumentLanguage {
    FR("fr", "fr-FR", Locale.FRANCE),
    EN("en", "en", Locale.UK);

    private final String code;
    private final String tag;
    private final Locale locale;

    DocumentLanguage(String code, String tag, Locale locale) {
        this.code = code;
        this.tag = tag;
        this.locale = locale;
    }

    /** The language of a locale (only its language counts: fr-BE is French); any other language is refused. */
    public static DocumentLanguage of(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        for (DocumentLanguage l : values()) {
            if (l.code.equals(language)) {
                return l;
            }
        }
        throw new IllegalArgumentException("Documents exist in French (fr) and English (en) only, not in '" + locale + "'");
    }

    public String code() {
        return code;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }
}
