package fr.regard.documents.domain;

import java.util.List;

/** Who a letter is addressed to: name, postal address lines (may be empty for an e-mail answer) and e-mail (or null). */
public record Recipient(String name, List<String> postalAddress, String email) {

    public Recipient {
        name = Checks.text(name, "recipient.name");
        postalAddress = Checks.list(postalAddress, "recipient.postalAddress");
        email = Checks.optionalText(email, "recipient.email");
        if (postalAddress.isEmpty() && email == null) {
            throw new IllegalArgumentException("A recipient needs a postal address or an e-mail address");
        }
    }
}
