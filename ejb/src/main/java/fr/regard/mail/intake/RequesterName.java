package fr.regard.mail.intake;

import java.util.Locale;

/**
 * The requester's name as a mail gives it: the From display name split in first and last name ("Léa Martin",
 * "MARTIN Léa", "Martin, Léa"), else the address's local part ("lea.martin" → Lea / Martin). Never empty: the DPO
 * corrects it when qualifying.
 */
record RequesterName(String first, String last) {

    static final int MAX = 100;

    static RequesterName of(String displayName, String address) {
        String name = displayName == null ? "" : displayName.replaceAll("[\"<>()]", " ").strip();
        if (name.contains("@")) {
            name = "";
        }
        if (name.contains(",")) {
            String[] parts = name.split(",", 2);
            return of(parts[1].strip() + " " + parts[0].strip(), address);
        }
        String[] words = name.isEmpty() ? new String[0] : name.split("\\s+");
        if (words.length == 0) {
            String local = address == null || address.indexOf('@') <= 0 ? "inconnu" : address.substring(0, address.indexOf('@'));
            words = local.split("[._+-]+");
            for (int i = 0; i < words.length; i++) {
                words[i] = capitalised(words[i]);
            }
        }
        if (words.length == 1 || (words.length > 0 && String.join("", words).isBlank())) {
            String only = words.length == 0 || words[0].isBlank() ? "Inconnu" : words[0];
            return new RequesterName(cut(only), cut(only));
        }
        // "MARTIN Léa": a first word in capitals is the last name
        if (words[0].length() > 1 && words[0].equals(words[0].toUpperCase(Locale.ROOT))
                && !words[words.length - 1].equals(words[words.length - 1].toUpperCase(Locale.ROOT))) {
            return new RequesterName(cut(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length))),
                    cut(words[0]));
        }
        return new RequesterName(cut(String.join(" ", java.util.Arrays.copyOfRange(words, 0, words.length - 1))),
                cut(words[words.length - 1]));
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String cut(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX);
    }
}
