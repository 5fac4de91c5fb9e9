package fr.regard.documents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import fr.regard.documents.domain.SealedDocument;
import fr.regard.documents.format.DocumentVerifier;
import fr.regard.documents.format.SealLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The seal checked by independent validators, for every document type: EU DSS 6.4 (strict policy, see
 * {@link DssValidation}), veraPDF (PDF/A-3B and PDF/UA-1 still hold after sealing) and poppler's pdfsig; and the
 * three forgeries of issue 6 (a flipped byte, an appended page edit, an Info edit) rejected by each.
 */
class SealValidationTest {

    @TempDir
    static Path folder;

    static SealKit kit;

    @BeforeAll
    static void pki() {
        kit = new SealKit(folder);
    }

    static Stream<Arguments> documents() {
        return SealSamples.everyDocument();
    }

    static Stream<Arguments> documentsAndLevels() {
        return documents().flatMap(document -> Stream.of(SealLevel.B_LT, SealLevel.B_LTA)
                .map(level -> Arguments.of(document.get()[0], level)));
    }

    @ParameterizedTest
    @MethodSource("documentsAndLevels")
    void dssSaysTotalPassedAtTheSealLevel(byte[] pdf, SealLevel level) {
        SealedDocument sealed = kit.sealer(level).seal(pdf);

        DssValidation.Result result = DssValidation.validate(sealed.pdf(), kit.ca());

        assertThat(result.indication()).as(result.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(result.format()).isEqualTo(level == SealLevel.B_LT ? SignatureLevel.PAdES_BASELINE_LT
                : SignatureLevel.PAdES_BASELINE_LTA);
        assertThat(result.signatures()).isEqualTo(1);
        assertThat(result.reports().getSimpleReport().getSignedBy(result.reports().getSimpleReport().getFirstSignatureId()))
                .isEqualTo("Ville de Lille — cachet Regard (démonstration)");
    }

    /** At the default level (B-LTA: its file holds every update a B-LT one has, and a document timestamp). */
    @ParameterizedTest
    @MethodSource("documents")
    void veraPdfSaysPdfA3bAndPdfUa1AfterSealing(byte[] pdf) {
        SealLevel level = SealLevel.B_LTA;
        assertThat(VeraPdf.validate(pdf, PDFAFlavour.PDFA_3_B).failures()).as("input PDF/A-3B").isEmpty();
        assertThat(VeraPdf.validate(pdf, PDFAFlavour.PDFUA_1).failures()).as("input PDF/UA-1").isEmpty();
        byte[] sealed = kit.sealer(level).seal(pdf).pdf();

        VeraPdf.Result pdfa = VeraPdf.validate(sealed, PDFAFlavour.PDFA_3_B);
        VeraPdf.Result pdfua = VeraPdf.validate(sealed, PDFAFlavour.PDFUA_1);

        assertThat(pdfa.failures()).as("sealed PDF/A-3B").isEmpty();
        assertThat(pdfa.compliant()).isTrue();
        assertThat(pdfua.failures()).as("sealed PDF/UA-1").isEmpty();
        assertThat(pdfua.compliant()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void pdfsigSaysTheSealIsValidAndTheWholeDocumentSigned(byte[] pdf) throws Exception {
        assumeTrue(Pdfsig.available(), "poppler-utils (pdfsig) is not installed");
        List<Pdfsig.Signature> signatures = Pdfsig.check(write(kit.sealer(SealLevel.B_LTA).seal(pdf).pdf(), "sealed.pdf"));

        assertThat(signatures).hasSize(2);
        assertThat(signatures.get(0).validation()).isEqualTo("Signature is Valid.");
        assertThat(signatures.get(0).type()).isEqualTo("ETSI.CAdES.detached");
        // the demo CA is not in pdfsig's NSS database: the trust is DSS's and the verifier's to check
        assertThat(signatures.get(0).certificateValidation()).isIn("Certificate issuer isn't Trusted.", null);
        // the document timestamp covers the whole file, the seal's DSS included (poppler 22 cannot check RFC 3161)
        assertThat(signatures.get(1).totalDocumentSigned()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void aFlippedByteIsRejected(byte[] pdf) throws Exception {
        byte[] forged = Tampering.flipByte(kit.sealer(SealLevel.B_LTA).seal(pdf).pdf());

        assertThat(DssValidation.validate(forged, kit.ca()).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(new DocumentVerifier(List.of(kit.ca())).verify(forged).intact()).isFalse();
        if (Pdfsig.available()) {
            assertThat(Pdfsig.check(write(forged, "flipped.pdf")).get(0).validation()).isEqualTo("Digest Mismatch.");
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void anAppendedPageIsRejected(byte[] pdf) throws Exception {
        rejected(Tampering.appendPage(kit.sealer(SealLevel.B_LTA).seal(pdf).pdf()), "page-added.pdf");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void aChangedPageIsRejected(byte[] pdf) throws Exception {
        rejected(Tampering.changePage(kit.sealer(SealLevel.B_LTA).seal(pdf).pdf()), "page-changed.pdf");
    }

    /**
     * EU DSS 6.4 compares the objects under the catalog only: an Info dictionary edit is not among its modification
     * checks (measured: TOTAL_PASSED, no modification listed). pdfsig and Regard's verifier reject it.
     */
    @ParameterizedTest
    @MethodSource("documents")
    void anInfoEditIsRejected(byte[] pdf) throws Exception {
        byte[] forged = Tampering.editInfo(kit.sealer(SealLevel.B_LTA).seal(pdf).pdf());

        assertThat(new DocumentVerifier(List.of(kit.ca())).verify(forged).intact()).isFalse();
        assumeTrue(Pdfsig.available(), "poppler-utils (pdfsig) is not installed");
        List<Pdfsig.Signature> signatures = Pdfsig.check(write(forged, "info-edited.pdf"));
        assertThat(signatures).noneMatch(Pdfsig.Signature::totalDocumentSigned);
    }

    /** DSS does not pass it, Regard's verifier says it is not intact, and pdfsig finds no signature covering the whole file. */
    private static void rejected(byte[] forged, String name) throws Exception {
        DssValidation.Result result = DssValidation.validate(forged, kit.ca());
        assertThat(result.indication()).as(result.toString()).isNotEqualTo(Indication.TOTAL_PASSED);
        assertThat(new DocumentVerifier(List.of(kit.ca())).verify(forged).intact()).isFalse();
        if (Pdfsig.available()) {
            List<Pdfsig.Signature> signatures = Pdfsig.check(write(forged, name));
            assertThat(signatures).noneMatch(Pdfsig.Signature::totalDocumentSigned);
            assertThat(signatures.get(0).validation()).isEqualTo("Signature is Valid.");
        }
    }

    private static Path write(byte[] pdf, String name) throws IOException {
        return Files.write(folder.resolve(name), pdf);
    }
}
