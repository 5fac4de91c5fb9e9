package fr.regard.documents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.documents.domain.SealedDocument;
import fr.regard.documents.format.DocumentVerifier;
import fr.regard.documents.format.SealLevel;
import fr.regard.documents.format.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Regard's own verifier (PDFBox + BouncyCastle, no DSS) on genuine, foreign and forged documents. */
class DocumentVerifierTest {

    @TempDir
    static Path folder;

    @TempDir
    static Path otherFolder;

    static SealKit kit;
    static SealKit otherCity;
    static byte[] letter;
    static DocumentVerifier verifier;

    @BeforeAll
    static void pki() {
        kit = new SealKit(folder);
        otherCity = new SealKit(otherFolder);
        letter = SealSamples.letter();
        verifier = new DocumentVerifier(List.of(kit.ca()));
    }

    @ParameterizedTest
    @EnumSource(value = SealLevel.class)
    void aGenuineSealIsIssuedByRegardIntactWithSignerTimeAndLevel(SealLevel level) {
        SealedDocument sealed = kit.sealer(level).seal(letter);

        VerificationReport report = verifier.verify(sealed.pdf());

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.sealed()).isTrue();
        assertThat(report.issuedByRegard()).isTrue();
        assertThat(report.intact()).isTrue();
        assertThat(report.level()).isEqualTo(level);
        assertThat(report.signer()).isEqualTo(sealed.seal().signer())
                .contains("CN=Ville de Lille — cachet Regard (démonstration)");
        assertThat(report.certificateSha256()).isEqualTo(sealed.seal().certificateSha256()).hasSize(64);
        assertThat(report.signedAt()).isEqualTo(sealed.seal().signedAt());
        if (level == SealLevel.B_B) {
            assertThat(report.signedAt()).isNull();
        } else {
            assertThat(report.signedAt()).isNotNull();
        }
    }

    @Test
    void aSealPinnedByItsCertificateIsIssuedByRegardToo() {
        SealedDocument sealed = kit.sealer(SealLevel.B_LT).seal(letter);

        VerificationReport report = new DocumentVerifier(List.of(kit.keys.certificateChain().get(0))).verify(sealed.pdf());

        assertThat(report.issuedByRegard()).isTrue();
        assertThat(report.intact()).isTrue();
    }

    @Test
    void anotherCasSealIsIntactButNotIssuedByRegard() {
        VerificationReport report = verifier.verify(otherCity.sealer(SealLevel.B_LTA).seal(letter).pdf());

        assertThat(report.sealed()).isTrue();
        assertThat(report.intact()).isTrue();
        assertThat(report.issuedByRegard()).isFalse();
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).containsExactly("Le certificat du cachet n'a pas été émis par Regard (chaîne de confiance inconnue).");
    }

    @Test
    void anUnsealedPdfIsNotSealed() {
        VerificationReport report = verifier.verify(letter);

        assertThat(report.sealed()).isFalse();
        assertThat(report.valid()).isFalse();
        assertThat(report.level()).isNull();
        assertThat(report.problems()).containsExactly("Le document ne porte aucun cachet électronique.");
    }

    @Test
    void somethingElseIsNotAReadablePdf() {
        VerificationReport report = verifier.verify("bonjour".getBytes(StandardCharsets.UTF_8));

        assertThat(report.sealed()).isFalse();
        assertThat(report.problems()).containsExactly("Le fichier n'est pas un PDF lisible.");
    }

    @Test
    void forgeriesAreNotIntactAndSaySo() throws Exception {
        byte[] sealed = kit.sealer(SealLevel.B_LTA).seal(letter).pdf();

        VerificationReport flipped = verifier.verify(Tampering.flipByte(sealed));
        VerificationReport page = verifier.verify(Tampering.appendPage(sealed));
        VerificationReport info = verifier.verify(Tampering.editInfo(sealed));

        assertThat(flipped.intact()).isFalse();
        assertThat(flipped.problems()).contains("La signature du cachet ne correspond pas au contenu : le document a été altéré.");
        assertThat(page.intact()).isFalse();
        assertThat(page.issuedByRegard()).isTrue();
        assertThat(page.problems()).contains("Le document a été modifié après son scellement.");
        assertThat(info.intact()).isFalse();
        assertThat(info.problems()).contains("Le document a été modifié après son scellement.");
    }
}
