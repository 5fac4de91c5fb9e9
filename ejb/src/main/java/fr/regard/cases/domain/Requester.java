package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The person who files the request (le demandeur). Only what is needed to answer them: a name, where letters reach
 * them (e-mail and/or postal address) and the language they read. Identity documents, when a reasonable doubt
 * requires one (décret 2019-536), are kept apart and purged sooner.
 */
@Embeddable
public class Requester {

    /** Languages letters are written in: French (default) and English (DOMAIN.md). */
    public static final List<String> LANGUAGES = List.of("fr", "en");

    @Column(name = "requester_first_name", nullable = false, length = 100)
    private String firstName;

    @Column(name = "requester_last_name", nullable = false, length = 100)
    private String lastName;

    @Column(name = "requester_email", length = 254)
    private String email;

    /** Postal address lines, separated by '\n'. */
    @Column(name = "requester_postal_address", length = 700)
    private String postalAddress;

    @Column(name = "requester_language", nullable = false, length = 2)
    private String language;

    protected Requester() {
        // JPA
    }

    public Requester(String firstName, String lastName, String email) {
        this(firstName, lastName, email, List.of(), "fr");
    }

    public Requester(String firstName, String lastName, String email, List<String> postalAddress, String language) {
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.lastName = Objects.requireNonNull(lastName, "lastName");
        this.email = email;
        List<String> lines = postalAddress == null ? List.of()
                : postalAddress.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.stream().anyMatch(l -> l.contains("\n") || l.contains("\r"))) {
            throw new IllegalArgumentException("An address line cannot span lines");
        }
        this.postalAddress = lines.isEmpty() ? null : String.join("\n", lines);
        this.language = language == null ? "fr" : language;
        if (!LANGUAGES.contains(this.language)) {
            throw new IllegalArgumentException("Unsupported language " + language);
        }
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String email() {
        return email;
    }

    /** The postal address lines (empty when none was given). */
    public List<String> postalAddress() {
        return postalAddress == null ? List.of() : Arrays.asList(postalAddress.split("\n"));
    }

    /** "fr" or "en". */
    public String language() {
        return language == null ? "fr" : language;
    }
}
