package fr.regard.documents.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Verifies a PDF sealed by Regard, with PDFBox and BouncyCastle only (the server's verification endpoint and the
 * offline verifier share it; EU DSS checks the same documents in the tests). It answers four questions:
 * <ul>
 * <li><b>issued by Regard?</b> the seal certificate chains (through the certificates in the signature and the
 * /DSS) up to one of the trust anchors given (Regard's CA, or pinned seal certificates), each certificate valid at
 * the signing time, none revoked by a CRL in the /DSS before it;</li>
 * <li><b>intact?</b> the CMS message digest matches the signed byte ranges, which cover the whole file but the
 * signature value, and every object added or changed after the signed revision is validation data under /DSS, a
 * document timestamp filling a signature field prepared (empty) before the seal, or an object rewritten
 * identically. A page, an annotation, the Info dictionary or any other object changed later makes the document
 * "not intact";</li>
 * <li><b>signer and time</b>: the seal certificate's subject, and the genTime of the RFC 3161 signature
 * timestamp (the {@code /M} entry is only the signer's claim and is not reported);</li>
 * <li><b>level</b>: B-B, B-T (valid signature timestamp), B-LT (the /DSS holds a CRL of the seal certificate's
 * issuer), B-LTA (a valid document timestamp after the /DSS).</li>
 * </ul>
 */
public final class DocumentVerifier {

    private static final String CADES = "ETSI.CAdES.detached";
    private static final String PKCS7 = "adbe.pkcs7.detached";
    private static final String RFC3161 = "ETSI.RFC3161";
    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final int MAX_CHAIN = 8;

    private final List<X509Certificate> anchors;

    /** {@code anchors}: the certificates whose chains make a seal Regard's (its CA, or its seal certificates). */
    public DocumentVerifier(Collection<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    public VerificationReport verify(byte[] pdf) {
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf);
        } catch (IOException e) {
            return notSealed("Le fichier n'est pas un PDF lisible.");
        }
        try (document) {
            return verify(pdf, document);
        } catch (IOException e) {
            return notSealed("Le fichier n'est pas un PDF lisible.");
        }
    }

    private VerificationReport verify(byte[] pdf, PDDocument document) throws IOException {
        List<PDSignature> signatures = new ArrayList<>(document.getSignatureDictionaries());
        signatures.sort(Comparator.comparingLong(s -> signedEnd(s.getByteRange())));
        PDSignature seal = signatures.stream()
                .filter(s -> CADES.equals(s.getSubFilter()) || PKCS7.equals(s.getSubFilter())).findFirst().orElse(null);
        if (seal == null) {
            return notSealed("Le document ne porte aucun cachet électronique.");
        }
        List<String> problems = new ArrayList<>();
        int[] range = seal.getByteRange();
        if (!coversAllButContents(pdf, range)) {
            return new VerificationReport(true, false, false, null, null, null, null,
                    List.of("La signature du cachet ne couvre pas le document : il ne peut pas être vérifié."));
        }
        byte[] signedBytes = signedBytes(pdf, range);
        CMSSignedData cms;
        SignerInformation signer;
        X509Certificate certificate;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes), seal.getContents(pdf));
            signer = cms.getSignerInfos().getSigners().iterator().next();
            certificate = certificate(cms.getCertificates().getMatches(signer.getSID()));
        } catch (CMSException | RuntimeException | GeneralSecurityException e) {
            return new VerificationReport(true, false, false, null, null, null, null,
                    List.of("La signature du cachet est illisible."));
        }
        if (certificate == null) {
            return new VerificationReport(true, false, false, null, null, null, null,
                    List.of("La signature du cachet ne contient pas son certificat."));
        }
        boolean digestMatches = verifySignature(signer, certificate);
        if (!digestMatches) {
            problems.add("La signature du cachet ne correspond pas au contenu : le document a été altéré.");
        }
        if (!signingCertificateMatches(signer, certificate)) {
            problems.add("L'attribut signing-certificate-v2 ne désigne pas le certificat du cachet.");
            digestMatches = false;
        }

        Instant signedAt = signatureTimestamp(signer, problems);
        Dss dss = dss(document);
        List<X509Certificate> pool = new ArrayList<>(dss.certificates);
        try {
            for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                pool.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
        } catch (GeneralSecurityException e) {
            problems.add("Un certificat joint au cachet est illisible.");
        }
        List<X509Certificate> chain = chain(certificate, pool, signedAt == null ? new Date() : Date.from(signedAt), problems);
        boolean trusted = chain != null && notRevoked(chain, dss.crls, signedAt, problems);

        long sealEnd = signedEnd(range);
        boolean unchangedAfter = sealEnd == pdf.length || onlyAllowedUpdates(pdf, sealEnd, document, problems);
        boolean timestampsIntact = true;
        boolean documentTimestamp = false;
        for (PDSignature later : signatures) {
            if (later == seal) {
                continue;
            }
            if (RFC3161.equals(later.getSubFilter()) && signedEnd(later.getByteRange()) > sealEnd) {
                if (documentTimestampValid(pdf, later)) {
                    documentTimestamp = true;
                } else {
                    timestampsIntact = false;
                    problems.add("L'horodatage du document ne correspond pas au contenu : le document a été altéré.");
                }
            }
        }
        if (!endsWithEof(pdf)) {
            unchangedAfter = false;
            problems.add("Des données ont été ajoutées à la fin du document après son scellement.");
        }

        SealLevel level = SealLevel.B_B;
        if (signedAt != null) {
            level = SealLevel.B_T;
            if (chain != null && dss.coversIssuerOf(certificate)) {
                level = documentTimestamp ? SealLevel.B_LTA : SealLevel.B_LT;
            }
        }
        boolean intact = digestMatches && unchangedAfter && timestampsIntact;
        return new VerificationReport(true, trusted && digestMatches, intact,
                certificate.getSubjectX500Principal().getName(), sha256Hex(encoded(certificate)), signedAt, level, problems);
    }

    private static VerificationReport notSealed(String problem) {
        return new VerificationReport(false, false, false, null, null, null, null, List.of(problem));
    }

    // --- the seal's signature ---------------------------------------------------------------------------------

    private static boolean verifySignature(SignerInformation signer, X509Certificate certificate) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signingCertificateMatches(SignerInformation signer, X509Certificate certificate) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return false;
        }
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            String algorithm = new DefaultAlgorithmNameFinder().getAlgorithmName(id.getHashAlgorithm().getAlgorithm());
            byte[] hash = MessageDigest.getInstance(algorithm.replace("SHA", "SHA-").replace("SHA--", "SHA-"))
                    .digest(encoded(certificate));
            return Arrays.equals(hash, id.getCertHash());
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            return false;
        }
    }

    /** The genTime of a valid signature timestamp over the signature value, or null (with a problem if invalid). */
    private static Instant signatureTimestamp(SignerInformation signer, List<String> problems) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        try {
            ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
            TimeStampToken token = new TimeStampToken(new CMSSignedData(value.toASN1Primitive().getEncoded("DER")));
            if (validToken(token, signer.getSignature())) {
                return token.getTimeStampInfo().getGenTime().toInstant();
            }
        } catch (IOException | CMSException | TSPException | RuntimeException e) {
            // reported below
        }
        problems.add("L'horodatage du cachet est invalide.");
        return null;
    }

    private static boolean documentTimestampValid(byte[] pdf, PDSignature stamp) {
        int[] range = stamp.getByteRange();
        if (!coversAllButContents(pdf, range)) {
            return false;
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(stamp.getContents(pdf)));
            return validToken(token, signedBytes(pdf, range));
        } catch (IOException | CMSException | TSPException | RuntimeException e) {
            return false;
        }
    }

    /** The token's signature verifies with its own certificate and its imprint is the digest of {@code data}. */
    private static boolean validToken(TimeStampToken token, byte[] data) {
        try {
            X509Certificate tsa = certificate(token.getCertificates().getMatches(token.getSID()));
            if (tsa == null) {
                return false;
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            String algorithm = new DefaultAlgorithmNameFinder().getAlgorithmName(token.getTimeStampInfo().getMessageImprintAlgOID());
            byte[] digest = MessageDigest.getInstance(algorithm.replace("SHA", "SHA-").replace("SHA--", "SHA-")).digest(data);
            return MessageDigest.isEqual(digest, token.getTimeStampInfo().getMessageImprintDigest());
        } catch (TSPException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    // --- trust --------------------------------------------------------------------------------------------------

    /** The chain from {@code certificate} up to an anchor, or null (with a problem). */
    private List<X509Certificate> chain(X509Certificate certificate, List<X509Certificate> pool, Date at, List<String> problems) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = certificate;
        for (int depth = 0; depth < MAX_CHAIN; depth++) {
            try {
                current.checkValidity(at);
            } catch (GeneralSecurityException e) {
                problems.add("Le certificat « " + current.getSubjectX500Principal().getName()
                        + " » n'était pas valide à la date de signature.");
                return null;
            }
            chain.add(current);
            if (isAnchor(current)) {
                return chain;
            }
            X509Certificate issuer = issuer(current, pool);
            if (issuer == null || issuer.equals(current)) {
                break;
            }
            current = issuer;
        }
        problems.add("Le certificat du cachet n'a pas été émis par Regard (chaîne de confiance inconnue).");
        return null;
    }

    private boolean isAnchor(X509Certificate certificate) {
        return anchors.stream().anyMatch(anchor -> Arrays.equals(encoded(anchor), encoded(certificate)));
    }

    private X509Certificate issuer(X509Certificate certificate, List<X509Certificate> pool) {
        List<X509Certificate> candidates = new ArrayList<>(anchors);
        candidates.addAll(pool);
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // not this one
                }
            }
        }
        return null;
    }

    private static boolean notRevoked(List<X509Certificate> chain, List<X509CRL> crls, Instant signedAt, List<String> problems) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            for (X509CRL crl : crls) {
                if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    continue;
                }
                try {
                    crl.verify(issuer.getPublicKey());
                } catch (GeneralSecurityException e) {
                    continue;
                }
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null && (signedAt == null || !entry.getRevocationDate().toInstant().isAfter(signedAt))) {
                    problems.add("Le certificat « " + certificate.getSubjectX500Principal().getName()
                            + " » était révoqué à la date de signature.");
                    return false;
                }
            }
        }
        return true;
    }

    // --- /DSS ----------------------------------------------------------------------------------------------------

    private record Dss(List<X509Certificate> certificates, List<X509CRL> crls) {
        boolean coversIssuerOf(X509Certificate certificate) {
            return crls.stream().anyMatch(crl -> crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal()));
        }
    }

    private static Dss dss(PDDocument document) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DSS);
        if (dss == null) {
            return new Dss(certificates, crls);
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : streams(dss.getCOSArray(COSName.getPDFName("Certs")))) {
                try {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                } catch (GeneralSecurityException e) {
                    // an unreadable entry is skipped: it cannot help the chain
                }
            }
            for (byte[] der : streams(dss.getCOSArray(COSName.getPDFName("CRLs")))) {
                try {
                    crls.add((X509CRL) factory.generateCRL(new ByteArrayInputStream(der)));
                } catch (GeneralSecurityException e) {
                    // idem
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No X.509 factory", e);
        }
        return new Dss(certificates, crls);
    }

    private static List<byte[]> streams(COSArray array) {
        List<byte[]> result = new ArrayList<>();
        if (array == null) {
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.getObject(i) instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    result.add(in.readAllBytes());
                } catch (IOException e) {
                    // skipped
                }
            }
        }
        return result;
    }

    // --- changes after the seal -----------------------------------------------------------------------------------

    /**
     * Compares the signed revision with the whole document object by object (cross-reference entries): what changed
     * must be validation data, a document timestamp in a prepared field, or an identical rewrite.
     */
    private static boolean onlyAllowedUpdates(byte[] pdf, long sealEnd, PDDocument whole, List<String> problems) {
        try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(pdf, (int) sealEnd))) {
            Map<COSObjectKey, Long> before = signed.getDocument().getXrefTable();
            Map<COSObjectKey, Long> after = whole.getDocument().getXrefTable();
            Set<COSObjectKey> allowedNew = new HashSet<>();
            Set<COSObjectKey> added = new HashSet<>();
            boolean allowed = before.keySet().stream().allMatch(after::containsKey);
            COSBase rootBefore = signed.getDocument().getTrailer().getItem(COSName.ROOT);
            COSBase rootAfter = whole.getDocument().getTrailer().getItem(COSName.ROOT);
            allowed &= same(rootBefore, rootAfter) && same(signed.getDocument().getTrailer().getItem(COSName.INFO),
                    whole.getDocument().getTrailer().getItem(COSName.INFO));
            for (Map.Entry<COSObjectKey, Long> entry : after.entrySet()) {
                COSObjectKey key = entry.getKey();
                Long offset = before.get(key);
                if (offset == null) {
                    added.add(key);
                } else if (!offset.equals(entry.getValue())) {
                    allowed &= allowedChange(signed.getDocument().getObjectFromPool(key).getObject(),
                            whole.getDocument().getObjectFromPool(key).getObject(), allowedNew);
                }
            }
            COSBase dss = whole.getDocumentCatalog().getCOSObject().getItem(DSS);
            reachable(dss, allowedNew, new HashSet<>());
            for (COSObjectKey key : added) {
                COSBase object = whole.getDocument().getObjectFromPool(key).getObject();
                boolean container = object instanceof COSDictionary dictionary
                        && (COSName.XREF.equals(dictionary.getCOSName(COSName.TYPE))
                        || COSName.OBJ_STM.equals(dictionary.getCOSName(COSName.TYPE)));
                allowed &= container || allowedNew.contains(key);
            }
            if (!allowed) {
                problems.add("Le document a été modifié après son scellement.");
            }
            return allowed;
        } catch (IOException | RuntimeException e) {
            problems.add("La version scellée du document est illisible.");
            return false;
        }
    }

    /** An object rewritten after the seal: identical, or the catalog with a new /DSS, or a field filled with a document timestamp. */
    private static boolean allowedChange(COSBase before, COSBase after, Set<COSObjectKey> allowedNew) {
        if (!(before instanceof COSDictionary was) || !(after instanceof COSDictionary is)
                || before instanceof COSStream || after instanceof COSStream) {
            return same(before, after);
        }
        if (COSName.CATALOG.equals(is.getCOSName(COSName.TYPE))) {
            return sameExcept(was, is, DSS);
        }
        if (COSName.SIG.equals(is.getCOSName(COSName.FT)) && was.getItem(COSName.V) == null && is.getItem(COSName.V) != null) {
            COSBase value = is.getItem(COSName.V);
            COSBase resolved = value instanceof COSObject reference ? reference.getObject() : value;
            if (resolved instanceof COSDictionary stamp && COSName.DOC_TIME_STAMP.equals(stamp.getCOSName(COSName.TYPE))
                    && sameExcept(was, is, COSName.V)) {
                if (value instanceof COSObject reference) {
                    allowedNew.add(reference.getKey());
                }
                return true;
            }
            return false;
        }
        return same(before, after);
    }

    private static boolean sameExcept(COSDictionary a, COSDictionary b, COSName ignored) {
        Set<COSName> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        keys.remove(ignored);
        for (COSName key : keys) {
            if (!same(a.getItem(key), b.getItem(key))) {
                return false;
            }
        }
        return true;
    }

    /** Structural equality; references are equal when they name the same object. */
    private static boolean same(COSBase a, COSBase b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            if (!(a instanceof COSObject ra) || !(b instanceof COSObject rb)) {
                return false;
            }
            return ra.getKey() != null ? ra.getKey().equals(rb.getKey()) : rb.getKey() == null && same(ra.getObject(), rb.getObject());
        }
        if (a instanceof COSStream sa && b instanceof COSStream sb) {
            try (InputStream ia = sa.createRawInputStream(); InputStream ib = sb.createRawInputStream()) {
                return sameExcept(sa, sb, null) && Arrays.equals(ia.readAllBytes(), ib.readAllBytes());
            } catch (IOException e) {
                return false;
            }
        }
        if (a instanceof COSDictionary da && b instanceof COSDictionary db) {
            return !(a instanceof COSStream) && !(b instanceof COSStream) && sameExcept(da, db, null);
        }
        if (a instanceof COSArray xa && b instanceof COSArray xb) {
            if (xa.size() != xb.size()) {
                return false;
            }
            for (int i = 0; i < xa.size(); i++) {
                if (!same(xa.get(i), xb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static void reachable(COSBase object, Set<COSObjectKey> keys, Set<COSBase> seen) {
        if (object == null || !seen.add(object)) {
            return;
        }
        if (object instanceof COSObject reference) {
            if (reference.getKey() != null) {
                keys.add(reference.getKey());
            }
            reachable(reference.getObject(), keys, seen);
        } else if (object instanceof COSDictionary dictionary) {
            if (dictionary.getKey() != null) {
                keys.add(dictionary.getKey());
            }
            for (COSBase value : dictionary.getValues()) {
                reachable(value, keys, seen);
            }
        } else if (object instanceof COSArray array) {
            if (array.getKey() != null) {
                keys.add(array.getKey());
            }
            for (int i = 0; i < array.size(); i++) {
                reachable(array.get(i), keys, seen);
            }
        }
    }

    // --- bytes ---------------------------------------------------------------------------------------------------

    private static long signedEnd(int[] range) {
        return range == null || range.length != 4 ? -1 : (long) range[2] + range[3];
    }

    /** [0, a) and [b, b + c): starts at 0, leaves out exactly the hex string {@code <…>}, ends inside the file. */
    private static boolean coversAllButContents(byte[] pdf, int[] range) {
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0) {
            return false;
        }
        long end = (long) range[2] + range[3];
        return end <= pdf.length && pdf[range[1]] == '<' && pdf[range[2] - 1] == '>';
    }

    private static byte[] signedBytes(byte[] pdf, int[] range) {
        byte[] bytes = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, bytes, 0, range[1]);
        System.arraycopy(pdf, range[2], bytes, range[1], range[3]);
        return bytes;
    }

    private static boolean endsWithEof(byte[] pdf) {
        int end = pdf.length;
        while (end > 0 && (pdf[end - 1] == '\n' || pdf[end - 1] == '\r' || pdf[end - 1] == ' ')) {
            end--;
        }
        byte[] eof = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return end >= eof.length && Arrays.equals(pdf, end - eof.length, end, eof, 0, eof.length);
    }

    private static X509Certificate certificate(Collection<X509CertificateHolder> holders) throws GeneralSecurityException {
        for (X509CertificateHolder holder : holders) {
            return new JcaX509CertificateConverter().getCertificate(holder);
        }
        return null;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable certificate", e);
        }
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
