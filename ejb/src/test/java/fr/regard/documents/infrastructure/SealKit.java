package fr.regard.documents.infrastructure;

import fr.regard.documents.format.SealLevel;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** A demo PKI in a test folder, its in-process TSA, and sealers over them. */
public final class SealKit {

    public final DemoPki pki;
    public final InProcessTimestampAuthority tsa;
    public final KeyStoreSealingKeys keys;
    public final CrlRevocationSource revocation;

    public SealKit(Path folder) {
        pki = DemoPki.loadOrCreate(folder.resolve("demo-pki.p12"), "test".toCharArray(), URI.create("http://localhost:8080"));
        tsa = new InProcessTimestampAuthority(pki.privateKey(DemoPki.TSA_ALIAS), pki.chain(DemoPki.TSA_ALIAS));
        keys = new KeyStoreSealingKeys(pki.privateKey(DemoPki.SEAL_ALIAS), null, List.of(pki.chain(DemoPki.SEAL_ALIAS)));
        revocation = new CrlRevocationSource(pki.caCertificate(), pki::crl);
    }

    public PadesSealer sealer(SealLevel level) {
        return new PadesSealer(keys, tsa, revocation, level, "Document délivré par la Ville de Lille (Regard)", "Lille, France");
    }

    public X509Certificate ca() {
        return pki.caCertificate();
    }
}
