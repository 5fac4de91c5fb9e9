package fr.regard.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * The person who files the request (le demandeur). Only what is needed to answer them: identity documents,
 * when a reasonable doubt requires one (décret 2019-536), are kept apart and purged sooner.
 */
@Embeddable
public class Requester {

    @Column(name = "requester_first_name", nullable = false, length = 100)
    private String firstName;

    @Column(name = "requester_last_name", nullable = false, length = 100)
    private String lastName;

    @Column(name = "requester_email", length = 254)
    private String email;

    protected Requester() {
        // JPA
    }

    public Requester(String firstName, String lastName, String email) {
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.lastName = Objects.requireNonNull(lastName, "lastName");
        this.email = email;
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
}
