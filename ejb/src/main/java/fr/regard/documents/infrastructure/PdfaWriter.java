package fr.regard.documents.infrastructure;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.regard.documents.application.RenderedDocument.EmbeddedData;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.w3c.dom.Document;

/**
 * Writes XHTML as a PDF/A-3b, tagged PDF/UA-1 document with openhtmltopdf on PDFBox 3 (docs/documents.md "PDF"):
 * embedded Liberation fonts, sRGB output intent (the JDK's profile), XMP from the document's title, language and
 * author, and the given files as associated files (catalog /AF and the EmbeddedFiles name tree). Only {@code data:}
 * resources are loaded: a template cannot make the renderer fetch anything. Thread-safe.
 */
public final class PdfaWriter {

    /** The fonts a template may name: families of the Liberation fonts (SIL OFL 1.1) from a Maven artifact. */
    public static final String SANS = "Liberation Sans";
    public static final String MONO = "Liberation Mono";

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final List<Font> FONTS = List.of(
            new Font(SANS, 400, FontStyle.NORMAL, "LiberationSans-Regular.ttf"),
            new Font(SANS, 700, FontStyle.NORMAL, "LiberationSans-Bold.ttf"),
            new Font(SANS, 400, FontStyle.ITALIC, "LiberationSans-Italic.ttf"),
            new Font(SANS, 700, FontStyle.ITALIC, "LiberationSans-BoldItalic.ttf"),
            new Font(MONO, 400, FontStyle.NORMAL, "LiberationMono-Regular.ttf"));
    private static final Map<String, byte[]> FONT_BYTES = new HashMap<>();
    /** Font metrics shared by every rendering (thread-safe store): parsed once, not once per document. */
    private static final FSDefaultCacheStore FONT_METRICS = new FSDefaultCacheStore();

    private record Font(String family, int weight, FontStyle style, String file) {
    }

    public PdfaWriter() {
        synchronized (FONT_BYTES) {
            for (Font font : FONTS) {
                FONT_BYTES.computeIfAbsent(font.file, PdfaWriter::readFont);
            }
        }
    }

    private static byte[] readFont(String file) {
        try (InputStream in = PdfaWriter.class.getClassLoader().getResourceAsStream("liberation/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Font liberation/" + file + " missing from the class path "
                        + "(artifact com.github.librepdf:openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF of the XHTML document, with the files attached, as of {@code created}. */
    public byte[] write(Document xhtml, Instant created, List<EmbeddedData> attachments) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfVersion(1.7f);
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
        builder.usePdfUaAccessibility(true);
        builder.useColorProfile(SRGB);
        builder.withProducer("Regard");
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
        for (Font font : FONTS) {
            byte[] bytes = FONT_BYTES.get(font.file);
            builder.useFont(() -> new ByteArrayInputStream(bytes), font.family, font.weight, font.style, true);
        }
        builder.useExternalResourceAccessControl((uri, kind) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withW3cDocument(xhtml, "about:regard");
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            PDDocument pdf = renderer.createPDFKeepOpen();
            try (pdf) {
                attach(pdf, attachments, calendar(created));
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                pdf.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF", e);
        }
    }

    private static void attach(PDDocument pdf, List<EmbeddedData> attachments, Calendar when) throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        Map<String, PDComplexFileSpecification> byName = new HashMap<>();
        COSArray associated = new COSArray();
        for (EmbeddedData data : attachments) {
            PDEmbeddedFile file = new PDEmbeddedFile(pdf, new ByteArrayInputStream(data.content()));
            file.setSubtype(data.mediaType());
            file.setSize(data.content().length);
            file.setCreationDate(when);
            file.setModDate(when);
            file.getCOSObject().getCOSDictionary(COSName.PARAMS).setItem(COSName.getPDFName("CheckSum"),
                    new COSString(md5(data.content())));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(data.fileName());
            spec.setFileUnicode(data.fileName());
            spec.setFileDescription(data.description());
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), data.relationship());
            byName.put(data.fileName(), spec);
            associated.add(spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(byName);
        PDDocumentNameDictionary nameDictionary = catalog.getNames() == null
                ? new PDDocumentNameDictionary(catalog) : catalog.getNames();
        nameDictionary.setEmbeddedFiles(tree);
        catalog.setNames(nameDictionary);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    private static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content); // ISO 32000-1 table 46: /CheckSum is an MD5
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
