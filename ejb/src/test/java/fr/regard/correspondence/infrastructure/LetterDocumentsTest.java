package fr.regard.correspondence.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.correspondence.domain.LetterType;
import fr.regard.documents.domain.DocumentType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
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
    void theLettersNotYetIssuedAreExactlyThoseWhoseDataTheCaseLacks() {
        Set<LetterType> notConnected = EnumSet.allOf(LetterType.class);
        notConnected.removeAll(LetterDocuments.CONNECTED);
        // documented in docs/documents.md "Issuing": download link, appointment duration, destruction certificate
        // reference and camera list are not on the case yet
        assertThat(notConnected).containsExactlyInAnyOrder(LetterType.RESPONSE_COPY, LetterType.VIEWING_INVITATION,
                LetterType.PARTIAL_RESPONSE, LetterType.FOOTAGE_DESTROYED, LetterType.DESTRUCTION_ATTESTATION);
        assertThat(Arrays.asList(LetterType.values())).containsAll(LetterDocuments.CONNECTED);
    }
}
