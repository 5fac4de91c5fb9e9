package fr.regard.documents.infrastructure;

import fr.regard.documents.domain.DocumentSealer;
import fr.regard.documents.domain.RevocationSource;
import fr.regard.documents.domain.SealInfo;
import fr.regard.documents.domain.SealedDocument;
import fr.regard.documents.domain.SealingKeys;
import fr.regard.documents.domain.TimestampAuthority;
import fr.regard.documents.format.SealLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * PAdES baseline seal with PDFBox 3 and BouncyCastle. Steps (after the preparation, each an incremental update of the
 * previous bytes, so nothing signed is ever rewritten):
 * <ol>
 * <li>preparation (one full save, before anything is signed): invisible, tagged signature fields "Cachet" and,
 * for B-LTA, "Horodatage" (see {@link SignatureFields});</li>
 * <li>B-B/B-T: a CAdES detached signature ({@code ETSI.CAdES.detached}) whose signed attributes are exactly
 * content-type, message-digest and signing-certificate-v2 (no signing-time: {@code /M} carries the claimed time),
 * computed by the {@link SealingKeys} seam, with an RFC 3161 signature timestamp as unsigned attribute;</li>
 * <li>B-LT: {@code /DSS} with the seal's and the TSA's chains and the CRLs covering them (no VRI: optional in the
 * baseline profiles). It must follow the signature: EU DSS ignores validation data in or before the signed
 * revision (measured: a DSS put in the prepared document left the seal at B-T, "no revocation data").</li>
 * <li>B-LTA: a document timestamp ({@code ETSI.RFC3161}) in the prepared "Horodatage" field: the only change after
 * the seal is that field's value.</li>
 * </ol>
 * No DocMDP transform is written: PDFBox's way writes {@code /DigestMethod}, which PDF/A forbids; the verifier
 * instead accepts only DSS and document-timestamp updates after the seal.
 */
public final class PadesSealer implements DocumentSealer {

    /**
     * Bytes reserved for a CMS signature or timestamp token when the TSA's chain is unknown (hex-encoded in the file,
     * so twice this). With a known chain the reservation is the certificates' size plus {@link #SIGNATURE_MARGIN}.
     */
    static final int UNKNOWN_CHAIN_SIZE = 32 * 1024;
    /** Signed attributes, signature values, the token's TSTInfo and DER overhead: under 2 KB; 6 KB reserved. */
    static final int SIGNATURE_MARGIN = 6 * 1024;
    static final String SEAL_FIELD = "Cachet";
    static final String TIMESTAMP_FIELD = "Horodatage";
    private static final COSName CADES = COSName.getPDFName("ETSI.CAdES.detached");
    private static final COSName RFC3161 = COSName.getPDFName("ETSI.RFC3161");

    private final SealingKeys keys;
    private final TimestampAuthority tsa;
    private final RevocationSource revocation;
    private final SealLevel level;
    private final String reason;
    private final String location;
    private final int signatureSize;
    private final int timestampSize;

    public PadesSealer(SealingKeys keys, TimestampAuthority tsa, RevocationSource revocation, SealLevel level,
                       String reason, String location) {
        this.keys = keys;
        this.tsa = tsa;
        this.revocation = revocation;
        this.level = level;
        this.reason = reason;
        this.location = location;
        int tsaChain = tsa.certificateChain().stream().mapToInt(c -> encoded(c).length).sum();
        int sealChain = keys.certificateChain().stream().mapToInt(c -> encoded(c).length).sum();
        this.timestampSize = tsaChain == 0 ? UNKNOWN_CHAIN_SIZE : tsaChain + SIGNATURE_MARGIN;
        this.signatureSize = tsaChain == 0 ? UNKNOWN_CHAIN_SIZE + sealChain : sealChain + tsaChain + SIGNATURE_MARGIN;
    }

    public SealLevel level() {
        return level;
    }

    @Override
    public SealedDocument seal(byte[] pdf) {
        List<X509Certificate> chain = keys.certificateChain();
        X509Certificate signer = chain.get(0);
        try {
            byte[] prepared = prepare(pdf);
            Signed signed = sign(prepared, chain);
            byte[] result = signed.pdf;
            if (level.compareTo(SealLevel.B_LT) >= 0) {
                List<X509Certificate> tsaCertificates = new ArrayList<>(tsa.certificateChain());
                if (signed.token != null) {
                    tsaCertificates.addAll(tokenCertificates(signed.token));
                }
                result = addValidationData(result, certificates(chain, tsaCertificates).values());
            }
            if (level == SealLevel.B_LTA) {
                result = addDocumentTimestamp(result);
            }
            Instant time = signed.token == null ? null : signed.token.getTimeStampInfo().getGenTime().toInstant();
            return new SealedDocument(result, new SealInfo(signer.getSubjectX500Principal().getName(),
                    sha256Hex(signer.getEncoded()), time, level));
        } catch (IOException | GeneralSecurityException | OperatorCreationException | CMSException | TSPException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    /** The document with its (empty) signature fields, saved once in full. */
    private byte[] prepare(byte[] pdf) throws IOException {
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new IllegalArgumentException("Le document à sceller n'est pas un PDF lisible.", e);
        }
        try (document) {
            if (document.isEncrypted()) {
                throw new IllegalArgumentException("Le document à sceller est chiffré : il ne peut pas être scellé.");
            }
            if (document.getNumberOfPages() == 0) {
                throw new IllegalArgumentException("Le document à sceller n'a aucune page.");
            }
            SignatureFields.addInvisible(document, SEAL_FIELD, "Cachet électronique de la Ville de Lille");
            if (level == SealLevel.B_LTA) {
                SignatureFields.addInvisible(document, TIMESTAMP_FIELD, "Horodatage du document et de ses données de validation");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 8192);
            document.save(out);
            return out.toByteArray();
        }
    }

    private record Signed(byte[] pdf, TimeStampToken token) {
    }

    private Signed sign(byte[] prepared, List<X509Certificate> chain)
            throws IOException, GeneralSecurityException, OperatorCreationException, CMSException, TSPException {
        try (PDDocument document = Loader.loadPDF(prepared)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(CADES);
            signature.setName(commonName(chain.get(0)));
            signature.setReason(reason);
            signature.setLocation(location);
            signature.setSignDate(Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            ByteArrayOutputStream out = new ByteArrayOutputStream(prepared.length + 2 * signatureSize + 1024);
            ExternalSigningSupport external = attach(document, SEAL_FIELD, signature, signatureSize, out);
            CMSSignedData cms = cades(external.getContent(), chain);
            TimeStampToken token = null;
            if (level.compareTo(SealLevel.B_T) >= 0) {
                SignerInformation signerInfo = cms.getSignerInfos().getSigners().iterator().next();
                byte[] encoded = tsa.timestamp(signerInfo.getSignature());
                token = new TimeStampToken(new CMSSignedData(encoded));
                Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(ASN1Primitive.fromByteArray(encoded)));
                signerInfo = SignerInformation.replaceUnsignedAttributes(signerInfo, new AttributeTable(attribute));
                cms = CMSSignedData.replaceSigners(cms, new SignerInformationStore(signerInfo));
            }
            byte[] encoded = cms.getEncoded("DER");
            if (encoded.length > signatureSize) {
                throw new IllegalStateException("The seal signature (" + encoded.length + " bytes) exceeds the reserved "
                        + signatureSize + " bytes");
            }
            external.setSignature(encoded);
            return new Signed(out.toByteArray(), token);
        }
    }

    /** Sets {@code signature} as the value of the prepared field and starts the incremental update. */
    private static ExternalSigningSupport attach(PDDocument document, String fieldName, PDSignature signature, int size,
                                                 OutputStream out) throws IOException {
        PDField field = document.getDocumentCatalog().getAcroForm(null).getField(fieldName);
        if (!(field instanceof PDSignatureField signatureField)) {
            throw new IllegalStateException("No prepared signature field " + fieldName);
        }
        COSDictionary widget = signatureField.getCOSObject();
        COSDictionary prepared = new COSDictionary(widget);
        widget.setItem(COSName.V, signature);
        widget.setNeedToBeUpdated(true);
        SignatureOptions options = new SignatureOptions();
        options.setPreferredSignatureSize(size);
        document.addSignature(signature, options);
        // PDFBox re-creates the widget's appearance and flags: keep the prepared ones, so that the only change to
        // the field is its value (a validator then sees a signature-field fill, nothing else)
        for (COSName key : List.copyOf(widget.keySet())) {
            if (!COSName.V.equals(key) && !prepared.containsKey(key)) {
                widget.removeItem(key);
            }
        }
        for (COSName key : prepared.keySet()) {
            widget.setItem(key, prepared.getItem(key));
        }
        widget.setItem(COSName.V, signature);
        return document.saveIncrementalForExternalSigning(out);
    }

    private CMSSignedData cades(InputStream content, List<X509Certificate> chain)
            throws GeneralSecurityException, OperatorCreationException, CMSException, IOException {
        X509Certificate signer = chain.get(0);
        X509CertificateHolder holder = new JcaX509CertificateHolder(signer);
        ESSCertIDv2 certId = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(signer.getEncoded()),
                new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber()));
        SigningCertificateV2 signingCertificate = new SigningCertificateV2(new ESSCertIDv2[] {certId});
        CMSAttributeTableGenerator signedAttributes = parameters -> {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.contentType,
                    new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
            attributes.add(new Attribute(CMSAttributes.messageDigest,
                    new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate)));
            return new AttributeTable(attributes);
        };
        // The JDK's SHA-256 (SHA-NI) hashes the document, not BouncyCastle's (DESIGN.md, "Crypto speed")
        SignerInfoGenerator signerInfo = new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(signedAttributes)
                .build(new SealContentSigner(keys), holder);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(signerInfo);
        generator.addCertificates(new JcaCertStore(chain));
        return generator.generate(new StreamedContent(content), false);
    }

    private byte[] addValidationData(byte[] signed, Collection<X509Certificate> certificates) throws IOException {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDDocumentCatalog catalog = setDss(document, certificates);
            catalog.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(signed.length + 8192);
            document.saveIncremental(out, Set.of(catalog.getCOSObject()));
            return out.toByteArray();
        }
    }

    /** Sets the catalog's /DSS: the certificates and the CRLs covering them (no VRI). */
    private PDDocumentCatalog setDss(PDDocument document, Collection<X509Certificate> certificates) throws IOException {
        List<X509CRL> crls = revocation.crlsFor(List.copyOf(certificates));
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        COSDictionary dss = new COSDictionary();
        COSArray certs = new COSArray();
        for (X509Certificate certificate : certificates) {
            certs.add(stream(document, encoded(certificate)));
        }
        dss.setItem(COSName.getPDFName("Certs"), certs);
        if (!crls.isEmpty()) {
            COSArray crlArray = new COSArray();
            for (X509CRL crl : crls) {
                crlArray.add(stream(document, crlBytes(crl)));
            }
            dss.setItem(COSName.getPDFName("CRLs"), crlArray);
        }
        catalog.getCOSObject().setItem(COSName.getPDFName("DSS"), dss);
        return catalog;
    }

    /** Certificates by SHA-256 fingerprint, in order, each once. */
    private static Map<String, X509Certificate> certificates(List<X509Certificate> first, List<X509Certificate> then)
            throws GeneralSecurityException {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        for (X509Certificate certificate : first) {
            certificates.putIfAbsent(sha256Hex(certificate.getEncoded()), certificate);
        }
        for (X509Certificate certificate : then) {
            certificates.putIfAbsent(sha256Hex(certificate.getEncoded()), certificate);
        }
        return certificates;
    }

    private static List<X509Certificate> tokenCertificates(TimeStampToken token) throws GeneralSecurityException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
            certificates.add(converter.getCertificate(holder));
        }
        return certificates;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Unreadable certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    private byte[] addDocumentTimestamp(byte[] document) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(document)) {
            PDSignature stamp = new PDSignature();
            stamp.setType(COSName.DOC_TIME_STAMP);
            stamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            stamp.setSubFilter(RFC3161);
            ByteArrayOutputStream out = new ByteArrayOutputStream(document.length + 2 * timestampSize + 1024);
            ExternalSigningSupport external = attach(pdf, TIMESTAMP_FIELD, stamp, timestampSize, out);
            byte[] token = tsa.timestamp(external.getContent().readAllBytes());
            if (token.length > timestampSize) {
                throw new IllegalStateException("The document timestamp (" + token.length + " bytes) exceeds the reserved "
                        + timestampSize + " bytes");
            }
            external.setSignature(token);
            return out.toByteArray();
        }
    }

    private static COSStream stream(PDDocument document, byte[] der) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(der);
        }
        return stream;
    }

    private static byte[] crlBytes(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException("Unreadable CRL from " + crl.getIssuerX500Principal(), e);
        }
    }

    static String commonName(X509Certificate certificate) {
        for (String part : certificate.getSubjectX500Principal().getName().split("(?<!\\\\),")) {
            if (part.startsWith("CN=")) {
                return part.substring(3).replace("\\", "");
            }
        }
        return certificate.getSubjectX500Principal().getName();
    }

    static String sha256Hex(byte[] data) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** The signed revision, streamed into the digest (never held twice in memory). */
    private record StreamedContent(InputStream content) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            content.transferTo(out);
        }

        @Override
        public Object getContent() {
            return content;
        }
    }

    /** A BouncyCastle content signer whose signature comes from the {@link SealingKeys} seam. */
    private static final class SealContentSigner implements ContentSigner {
        private final SealingKeys keys;
        private final AlgorithmIdentifier algorithm;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream(512);

        SealContentSigner(SealingKeys keys) {
            this.keys = keys;
            this.algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(keys.signatureAlgorithm());
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return data;
        }

        @Override
        public byte[] getSignature() {
            return keys.sign(data.toByteArray());
        }
    }
}
