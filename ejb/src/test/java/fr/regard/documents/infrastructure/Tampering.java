package fr.regard.documents.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/** What a forger would do to a sealed PDF, each the way a PDF tool does it. */
final class Tampering {

    private Tampering() {
    }

    /** One byte flipped in the middle of the seal's first signed range. */
    static byte[] flipByte(byte[] pdf) throws IOException {
        int[] range = sealRange(pdf);
        byte[] copy = pdf.clone();
        int at = range[1] / 2;
        copy[at] = (byte) (copy[at] ^ 0x01);
        return copy;
    }

    /** An incremental update appending a blank page. */
    static byte[] appendPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            COSDictionary pages = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
            pages.setNeedToBeUpdated(true);
            page.getCOSObject().setNeedToBeUpdated(true);
            return incremental(document, Set.of(pages, page.getCOSObject()));
        }
    }

    /** An incremental update replacing the first page's text with another text. */
    static byte[] changePage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            COSStream content = document.getDocument().createCOSStream();
            try (OutputStream out = content.createOutputStream()) {
                out.write("BT /F1 12 Tf 72 720 Td (Demande refusee) Tj ET".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            page.getCOSObject().setItem(COSName.CONTENTS, content);
            page.getCOSObject().setNeedToBeUpdated(true);
            return incremental(document, Set.of(page.getCOSObject()));
        }
    }

    /** An incremental update changing the Info dictionary's title. */
    static byte[] editInfo(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentInformation().setTitle("Document falsifié");
            COSDictionary info = document.getDocumentInformation().getCOSObject();
            info.setNeedToBeUpdated(true);
            return incremental(document, Set.of(info));
        }
    }

    private static byte[] incremental(PDDocument document, Set<COSDictionary> objects) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.saveIncremental(out, objects);
        return out.toByteArray();
    }

    private static int[] sealRange(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature seal = document.getSignatureDictionaries().get(0);
            return seal.getByteRange();
        }
    }
}
