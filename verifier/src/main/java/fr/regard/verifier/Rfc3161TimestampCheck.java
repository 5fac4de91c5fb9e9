package fr.regard.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

import fr.regard.journal.format.TimestampCheck;

/**
 * RFC 3161 verification of a checkpoint's TimeStampToken with BouncyCastle (docs/journal-format.md, "Bundle",
 * {@code checkpoints.jsonl}): the message imprint must be SHA-256 of the signed note's UTF-8 bytes; the token must
 * be signed by a trusted certificate, or by one the token carries that chains to a trusted one (PKIX, no
 * revocation, at genTime); {@link TimeStampToken#validate} then checks the ESS signing-certificate attribute, the
 * certificate's critical extended key usage id-kp-timeStamping (RFC 3161 §2.3), its validity at genTime and the
 * signature.
 */
final class Rfc3161TimestampCheck implements TimestampCheck {

    private final List<X509Certificate> trusted;
    private final Provider provider = new BouncyCastleProvider();

    Rfc3161TimestampCheck(List<X509Certificate> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted certificate");
        }
        this.trusted = List.copyOf(trusted);
    }

    @Override
    public Result check(byte[] signedNote, byte[] timestampToken) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(timestampToken));
        } catch (Exception e) {
            return Result.invalid("jeton illisible (" + e.getMessage() + ")");
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            return Result.invalid("empreinte horodatée calculée avec " + info.getMessageImprintAlgOID()
                    + " au lieu de SHA-256");
        }
        if (!MessageDigest.isEqual(sha256(signedNote), info.getMessageImprintDigest())) {
            return Result.invalid("l'empreinte horodatée n'est pas celle de ce point de contrôle");
        }
        Date genTime = info.getGenTime();
        String[] why = new String[1];
        X509CertificateHolder signer = signerCertificate(token, genTime, why);
        if (signer == null) {
            return Result.invalid(why[0]);
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(signer));
        } catch (TSPValidationException e) {
            return Result.invalid("certificat ou signature de l'autorité refusés (" + e.getMessage() + ")");
        } catch (TSPException e) {
            return Result.invalid("signature du jeton invalide, contenu modifié après signature (" + e.getMessage() + ")");
        } catch (Exception e) {
            return Result.invalid("jeton invérifiable (" + e.getMessage() + ")");
        }
        return Result.valid(genTime.toInstant(), "horodaté le " + genTime.toInstant() + " par " + signer.getSubject());
    }

    /** The trusted certificate that signed the token, or one it carries that chains to a trusted one. */
    private X509CertificateHolder signerCertificate(TimeStampToken token, Date genTime, String[] why) {
        SignerId signerId = token.getSID();
        try {
            for (X509Certificate certificate : trusted) {
                JcaX509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
                if (signerId.match(holder)) {
                    return holder;
                }
            }
            Collection<X509CertificateHolder> carried = carriedMatching(token, signerId);
            if (carried.isEmpty()) {
                why[0] = "certificat du signataire introuvable (ni de confiance, ni dans le jeton)";
                return null;
            }
            X509CertificateHolder candidate = carried.iterator().next();
            chainToTrusted(candidate, token, genTime);
            return candidate;
        } catch (Exception e) {
            why[0] = "le certificat de l'autorité n'est pas issu d'un certificat de confiance (" + e.getMessage() + ")";
            return null;
        }
    }

    /** The certificates carried by the token that match the signer (BouncyCastle's SignerId is a raw Selector). */
    @SuppressWarnings("unchecked")
    private static Collection<X509CertificateHolder> carriedMatching(TimeStampToken token, SignerId signerId) {
        return token.getCertificates().getMatches(signerId);
    }

    private void chainToTrusted(X509CertificateHolder candidate, TimeStampToken token, Date genTime) throws Exception {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(provider);
        Set<TrustAnchor> anchors = new HashSet<>();
        List<Certificate> pool = new ArrayList<>(trusted);
        for (X509Certificate certificate : trusted) {
            anchors.add(new TrustAnchor(certificate, null));
        }
        for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
            pool.add(converter.getCertificate(holder));
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(converter.getCertificate(candidate));
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        parameters.setRevocationEnabled(false);
        parameters.setDate(genTime);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
        CertPathBuilder.getInstance("PKIX").build(parameters);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
