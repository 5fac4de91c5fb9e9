package fr.regard.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RefusalGroundTest {

    @Test
    @DisplayName("the catalogue holds GDPR art. 12(5) and 15(4) and every loi 78-17 art. 107 restriction")
    void catalogue() {
        assertThat(RefusalGround.applicableTo(RecordRegime.GDPR_ART15)).containsExactly(
                RefusalGround.MANIFESTLY_UNFOUNDED, RefusalGround.MANIFESTLY_EXCESSIVE, RefusalGround.RIGHTS_OF_OTHERS);
        assertThat(RefusalGround.applicableTo(RecordRegime.LIL_TITRE_III)).containsExactly(
                RefusalGround.OBSTRUCT_INQUIRIES, RefusalGround.PREJUDICE_CRIMINAL_PROCEEDINGS,
                RefusalGround.PUBLIC_SECURITY, RefusalGround.NATIONAL_SECURITY, RefusalGround.RIGHTS_OF_OTHERS_TITRE_III);
        assertThat(RefusalGround.MANIFESTLY_UNFOUNDED.legalBasis()).contains("12").contains("5");
        assertThat(RefusalGround.RIGHTS_OF_OTHERS.legalBasis()).contains("15").contains("4");
    }

    @ParameterizedTest
    @EnumSource(RefusalGround.class)
    @DisplayName("art. 107 grounds, and only they, open indirect access through the CNIL (art. 108)")
    void indirectAccess(RefusalGround ground) {
        assertThat(ground.opensIndirectAccess()).isEqualTo(ground.legalBasis().contains("art. 107"));
        assertThat(ground.opensIndirectAccess()).isEqualTo(ground.regime() == RecordRegime.LIL_TITRE_III);
    }

    @ParameterizedTest
    @EnumSource(RefusalGround.class)
    @DisplayName("every ground has a French label and letter paragraph, and a code that fits its column")
    void texts(RefusalGround ground) {
        assertThat(ground.label()).isNotBlank();
        assertThat(ground.letterText()).isNotBlank().endsWith(".");
        assertThat(ground.letterText()).containsAnyOf("règlement général", "loi n° 78-17");
        assertThat(ground.code()).hasSizeLessThanOrEqualTo(40);
        assertThat(RefusalGround.byCode(ground.code())).contains(ground);
    }

    @Test
    @DisplayName("unknown codes are not grounds; remedies name the CNIL and the administrative court")
    void unknownAndRemedies() {
        assertThat(RefusalGround.byCode("PAS_ENVIE")).isEmpty();
        assertThat(Arrays.stream(RefusalGround.values()).map(RefusalGround::code).distinct()).hasSize(8);
        assertThat(RefusalGround.REMEDIES_TEXT).contains("CNIL", "tribunal administratif");
        assertThat(RefusalGround.INDIRECT_ACCESS_TEXT).contains("article 108");
    }
}
