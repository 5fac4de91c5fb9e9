package fr.regard.correspondence.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.cases.domain.AccessCase;
import fr.regard.cases.domain.CaseClock;
import fr.regard.cases.domain.CasePolicy;
import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.Facts;
import fr.regard.cases.domain.IntakeChannel;
import fr.regard.cases.domain.Requester;
import fr.regard.cases.domain.RequestKind;
import fr.regard.correspondence.domain.LetterType;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.Recipient;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import fr.regard.documents.domain.DocumentType;
import org.junit.jupiter.api.Test;

/** Every letter the workflow writes has a requester-facing document of the same code, templated in French and English. */
class LetterDocumentsTest {

    @Test
    void everyLetterTypeHasARequesterDocumentOfTheSameCode() {
        for (LetterType letter : LetterType.values()) {
            if (letter == LetterType.PARTIAL_RESPONSE) {
                continue; // a RESPONSE_COPY plus a REFUSAL with partial = true (docs/documents.md)
            }
            DocumentType document = DocumentType.valueOf(letter.name());
            assertThat(document.requesterFacing()).as(letter.name()).isTrue();
        }
    }

    @Test
    @DisplayName("a letter goes to the requester's postal address and e-mail, in the language they asked for")
    void recipientAndLanguage() {
        AccessCase byPost = received(new Requester("Dominique", "Courrier", null,
                List.of("12 rue Nationale", "59000 Lille"), "en"));
        Recipient recipient = LetterDocuments.recipient(byPost);
        assertThat(recipient.name()).isEqualTo("Dominique Courrier");
        assertThat(recipient.postalAddress()).containsExactly("12 rue Nationale", "59000 Lille");
        assertThat(recipient.email()).isNull();
        assertThat(LetterDocuments.language(byPost)).isEqualTo(DocumentLanguage.EN);
        assertThat(LetterDocuments.language(received(new Requester("Léa", "Martin", "lea@example.org"))))
                .isEqualTo(DocumentLanguage.FR);
    }

    @Test
    @DisplayName("a case without any address cannot be written to: a French reason, never a half-filled letter")
    void noAddressNoLetter() {
        assertThatThrownBy(() -> LetterDocuments.recipient(received(new Requester("A", "B", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("le dossier n'indique ni adresse électronique ni adresse postale");
    }

    @Test
    @DisplayName("the copy's link names the requester's own tracking link, which Regard does not keep")
    void footageLink() {
        assertThat(LetterDocuments.footageLink(LetterDocuments.trackingPage("https://regard.lille.fr/"),
                DocumentLanguage.FR)).isEqualTo("https://regard.lille.fr/api/v1/tracking/[votre lien personnel]/footage");
        assertThat(LetterDocuments.footageLink("https://x/api/v1/tracking/", DocumentLanguage.EN))
                .isEqualTo("https://x/api/v1/tracking/[your personal link]/footage");
    }

    private static AccessCase received(Requester requester) {
        Instant at = Instant.parse("2026-11-20T14:00:00Z");
        Facts facts = new Facts(at, at.plusSeconds(600), "Rue Nationale, Lille", null);
        CaseClock clock = new CaseClock(CasePolicy.DEFAULT, new LegalCalendar());
        return new AccessCase(CaseReference.of(RequestKind.ACCESS, 2026, 7), RequestKind.ACCESS, IntakeChannel.LETTER,
                requester, facts, at.plusSeconds(86_400), clock.deadlinesFor(facts, at.plusSeconds(86_400)),
                "0".repeat(64));
    }
}
