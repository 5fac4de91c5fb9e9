package fr.regard.documents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.cases.domain.RecordRegime;
import fr.regard.cases.domain.RefusalGround;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A document cannot be built with a missing field or a ground the case's regime does not allow. */
class DocumentModelTest {

    static final Recipient RECIPIENT = new Recipient("M. Paul Lefebvre", List.of(), "paul.lefebvre@example.org");
    static final Instant AT = Instant.parse("2026-03-25T11:00:00Z");

    @Test
    void aRefusalNeedsCatalogueGroundsOfItsRegime() {
        assertThatThrownBy(() -> new Refusal("REG-2026-000001", AT, RECIPIENT, AT, RecordRegime.GDPR_ART15, false,
                List.of(RefusalGround.PUBLIC_SECURITY), "Motif"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PUBLIC_SECURITY");
        assertThatThrownBy(() -> new Refusal("REG-2026-000001", AT, RECIPIENT, AT, RecordRegime.GDPR_ART15, false,
                List.of(), "Motif")).hasMessageContaining("grounds");
        assertThatThrownBy(() -> new Refusal("REG-2026-000001", AT, RECIPIENT, AT, RecordRegime.GDPR_ART15, false,
                List.of(RefusalGround.RIGHTS_OF_OTHERS), " ")).hasMessageContaining("dpoReasons");
    }

    @Test
    void legalBasesFollowTheRegime() {
        Refusal gdpr = new Refusal("R", AT, RECIPIENT, AT, RecordRegime.GDPR_ART15, false,
                List.of(RefusalGround.MANIFESTLY_EXCESSIVE), "Cinquième demande identique en un mois.");
        Refusal titreIII = new Refusal("R", AT, RECIPIENT, AT, RecordRegime.LIL_TITRE_III, true,
                List.of(RefusalGround.PUBLIC_SECURITY), "Enquête en cours.");

        assertThat(gdpr.legalBases()).containsExactly(LegalBasis.GDPR_12, LegalBasis.GDPR_15, LegalBasis.LIL_49);
        assertThat(gdpr.opensIndirectAccess()).isFalse();
        assertThat(titreIII.legalBases()).containsExactly(LegalBasis.GDPR_12, LegalBasis.LIL_105, LegalBasis.LIL_107,
                LegalBasis.LIL_108, LegalBasis.LIL_119);
        assertThat(titreIII.opensIndirectAccess()).isTrue();
    }

    @Test
    void aRecipientIsReachableAndRetentionIsBoundedByTheLaw() {
        assertThatThrownBy(() -> new Recipient("Mme X", List.of(), null)).hasMessageContaining("postal address or an e-mail");
        FootageWindow facts = new FootageWindow("Rue de Béthune", AT, AT.plusSeconds(600));
        assertThatThrownBy(() -> new FootageDestroyed("R", AT, RECIPIENT, AT, facts, 32, AT, "PURGE-1"))
                .hasMessageContaining("CSI L252-5");
        assertThatThrownBy(() -> new FootageWindow("Rue de Béthune", AT, AT.minusSeconds(1))).hasMessageContaining("ends before");
    }

    @Test
    void requesterLettersExistInEnglishStaffDocumentsInFrenchOnly() {
        assertThat(DocumentType.REFUSAL.languages()).containsExactlyInAnyOrder(DocumentLanguage.FR, DocumentLanguage.EN);
        assertThat(DocumentType.JOURNAL_EXPORT.languages()).containsExactly(DocumentLanguage.FR);
        assertThat(DocumentLanguage.of(Locale.CANADA_FRENCH)).isEqualTo(DocumentLanguage.FR);
        assertThatThrownBy(() -> DocumentType.ANNUAL_REPORT.title(DocumentLanguage.EN)).hasMessageContaining("French only");
    }
}
