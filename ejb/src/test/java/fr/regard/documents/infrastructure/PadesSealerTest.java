package fr.regard.documents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import fr.regard.documents.domain.SealedDocument;
import fr.regard.documents.domain.TimestampAuthority;
import fr.regard.documents.format.SealLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PadesSealerTest {

    @TempDir
    static Path keys;

    static SealKit kit;
    static byte[] letter;

    @BeforeAll
    static void pki() {
        kit = new SealKit(keys);
        letter = SealSamples.letter();
    }

    @Test
    void ltSealIsTotalPassedBaselineLtForDss() {
        Instant before = Instant.now();
        SealedDocument sealed = kit.sealer(SealLevel.B_LT).seal(letter);
        DssValidation.Result result = DssValidation.validate(sealed.pdf(), kit.ca());
        assertThat(result.indication()).as(result.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(result.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        assertThat(sealed.seal().level()).isEqualTo(SealLevel.B_LT);
        assertThat(sealed.seal().signer()).contains("CN=Ville de Lille — cachet Regard (démonstration)");
        assertThat(sealed.seal().signedAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void ltaSealIsTotalPassedBaselineLtaForDss() {
        SealedDocument sealed = kit.sealer(SealLevel.B_LTA).seal(letter);
        DssValidation.Result result = DssValidation.validate(sealed.pdf(), kit.ca());
        assertThat(result.indication()).as(result.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(result.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
    }

    @Test
    void aTsaWithoutConfiguredChainStillGivesBaselineLtFromTheTokensCertificates() {
        TimestampAuthority unknownChain = new TimestampAuthority() {
            @Override
            public byte[] timestamp(byte[] data) {
                return kit.tsa.timestamp(data);
            }

            @Override
            public List<X509Certificate> certificateChain() {
                return List.of();
            }
        };
        PadesSealer sealer = new PadesSealer(kit.keys, unknownChain, kit.revocation, SealLevel.B_LT, "Test", "Lille");

        SealedDocument sealed = sealer.seal(letter);

        DssValidation.Result result = DssValidation.validate(sealed.pdf(), kit.ca());
        assertThat(result.indication()).as(result.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(result.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
    }

    @Test
    void theReservedSpaceFollowsTheChainsSize() {
        byte[] sealed = kit.sealer(SealLevel.B_LT).seal(letter).pdf();

        // two hex characters per reserved byte: chains (about 2 KB) + 6 KB margin, not a fixed 32 KB
        assertThat(sealed.length - letter.length).isBetween(10_000, 30_000);
    }

    @Test
    void whatIsNotAPdfIsRefusedInFrench() {
        assertThatThrownBy(() -> kit.sealer(SealLevel.B_LTA).seal("pas un PDF".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Le document à sceller n'est pas un PDF lisible.");
    }
}
