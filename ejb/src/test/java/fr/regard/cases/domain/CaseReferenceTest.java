package fr.regard.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaseReferenceTest {

    @Test
    @DisplayName("an access request received in 2026 as number 42 is DA-2026-000042")
    void formatsKindYearAndNumber() {
        assertThat(CaseReference.of(RequestKind.ACCESS, 2026, 42).value()).isEqualTo("DA-2026-000042");
        assertThat(CaseReference.of(RequestKind.VERIFY_DESTRUCTION, 2027, 1).value()).isEqualTo("VD-2027-000001");
        assertThat(CaseReference.of(RequestKind.ACCESS, 2026, 1_234_567).value()).isEqualTo("DA-2026-1234567");
    }

    @Test
    @DisplayName("anything else is not a reference")
    void rejectsMalformed() {
        assertThat(CaseReference.isWellFormed("DA-2026-00004")).isFalse();
        assertThat(CaseReference.isWellFormed("XX-2026-000042")).isFalse();
        assertThat(CaseReference.isWellFormed("da-2026-000042")).isFalse();
        assertThat(CaseReference.isWellFormed(null)).isFalse();
        assertThatThrownBy(() -> new CaseReference("DA-2026-000042; drop table")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseReference.of(RequestKind.ACCESS, 2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
