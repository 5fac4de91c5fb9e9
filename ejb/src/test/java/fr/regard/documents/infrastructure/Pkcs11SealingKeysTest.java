package fr.regard.documents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import fr.regard.documents.domain.SealedDocument;
import fr.regard.documents.format.DocumentVerifier;
import fr.regard.documents.format.SealLevel;
import fr.regard.documents.format.VerificationReport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seal key on a PKCS#11 token (SoftHSM2, as CI installs it): the token is initialised with softhsm2-util, the
 * key generated on it by keytool through SunPKCS11 (sensitive, not extractable), its request certified by the demo
 * CA and the chain imported, the way an operator would do it with a real HSM. Skipped when softhsm2 is missing.
 */
class Pkcs11SealingKeysTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "4271";
    private static final String SUBJECT = "CN=Ville de Lille — cachet Regard (HSM de test), O=Ville de Lille (démonstration), C=FR";

    @TempDir
    static Path folder;

    static SealKit kit;
    static String config;

    @BeforeAll
    static void token() throws Exception {
        assumeTrue(Files.isRegularFile(LIBRARY) && Files.isExecutable(Path.of("/usr/bin/softhsm2-util")),
                "softhsm2 is not installed (apt-get install softhsm2)");
        String conf = System.getenv("SOFTHSM2_CONF");
        assumeTrue(conf != null, "SOFTHSM2_CONF is not set (run through Maven)");
        Path tokens = Path.of(conf).resolveSibling("tokens-" + ProcessHandle.current().pid());
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        String init = run("softhsm2-util", "--init-token", "--free", "--label", "regard-seal", "--pin", PIN, "--so-pin", "9876");
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(init);
        assertThat(slot.find()).as(init).isTrue();
        config = KeyStoreSealingKeys.pkcs11Config("regard-seal-test", LIBRARY, Long.parseLong(slot.group(1)), 0);
        Path configFile = Files.writeString(folder.resolve("pkcs11.cfg"), config);

        kit = new SealKit(folder);
        String[] token = {"-keystore", "NONE", "-storetype", "PKCS11", "-addprovider", "SunPKCS11",
                "-providerArg", configFile.toString(), "-storepass", PIN};
        run(keytool("-genkeypair", "-alias", "seal", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", SUBJECT), token);
        Path request = folder.resolve("seal.csr");
        run(keytool("-certreq", "-alias", "seal", "-file", request.toString()), token);
        JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(pem(request));
        X509Certificate certificate = kit.pki.certifySeal(csr.getPublicKey(), X500Name.getInstance(csr.getSubject()).toString(),
                URI.create("http://localhost:8080"));
        Path reply = folder.resolve("seal-chain.pem");
        Files.writeString(reply, toPem(certificate) + toPem(kit.ca()));
        run(keytool("-importcert", "-noprompt", "-alias", "seal", "-file", reply.toString()), token);
    }

    @Test
    void aDocumentSealedOnTheTokenIsTotalPassedAndIssuedByRegard() {
        KeyStoreSealingKeys keys = KeyStoreSealingKeys.pkcs11(config, PIN.toCharArray(), "seal");
        PadesSealer sealer = new PadesSealer(keys, kit.tsa, kit.revocation, SealLevel.B_LTA, "Test", "Lille");

        SealedDocument sealed = sealer.seal(SealSamples.letter());

        DssValidation.Result dss = DssValidation.validate(sealed.pdf(), kit.ca());
        assertThat(dss.indication()).as(dss.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(dss.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        VerificationReport report = new DocumentVerifier(List.of(kit.ca())).verify(sealed.pdf());
        assertThat(report.valid()).as(report.problems().toString()).isTrue();
        assertThat(report.signer()).contains("HSM de test");
        assertThat(keys.certificateChain()).hasSize(2);
    }

    @Test
    void theKeyIsNeverExtractable() throws Exception {
        Provider provider = Security.getProvider("SunPKCS11").configure("--" + config);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, PIN.toCharArray());

        PrivateKey key = (PrivateKey) store.getKey("seal", null);

        assertThat(key.getEncoded()).as("the private key's bytes").isNull();
        assertThat(key.toString()).contains("token object", "sensitive", "unextractable");
    }

    @Test
    void anUnknownKeyAliasIsAClearError() {
        assertThatThrownBy(() -> KeyStoreSealingKeys.pkcs11(config, PIN.toCharArray(), "cachet-absent"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No private key cachet-absent in SunPKCS11-regard-seal-test");
    }

    private static String[] keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        return command.toArray(String[]::new);
    }

    private static String run(String[] command, String[] more) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(more));
        return run(all.toArray(String[]::new));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static PKCS10CertificationRequest pem(Path file) throws IOException {
        String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new PKCS10CertificationRequest(Base64.getDecoder().decode(text));
    }

    private static String toPem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

}
