package fr.regard.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrackingTokenTest {

    @Test
    @DisplayName("tokens are 256-bit URL-safe secrets, all different")
    void unguessable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TrackingToken token = TrackingToken.generate();
            assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
            assertThat(seen.add(token.value())).isTrue();
        }
    }

    @Test
    @DisplayName("only the SHA-256 of the token is kept, and the token never shows in logs")
    void storedAsHash() {
        TrackingToken token = new TrackingToken("mZ-ofCTiY7zC85TBQHJcUFwyHY6dzgZrTLufybyEBho");
        assertThat(token.hash()).hasSize(64).matches("[0-9a-f]{64}").isNotEqualTo(token.value());
        assertThat(token.hash()).isEqualTo(new TrackingToken(token.value()).hash());
        assertThat(token.toString()).doesNotContain(token.value());
        assertThat(TrackingToken.isWellFormed("short")).isFalse();
        assertThat(TrackingToken.isWellFormed("mZ-ofCTiY7zC85TBQHJcUFwyHY6dzgZrTLufybyEBh/")).isFalse();
    }
}
