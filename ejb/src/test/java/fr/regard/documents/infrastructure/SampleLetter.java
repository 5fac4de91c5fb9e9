package fr.regard.documents.infrastructure;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A one-page PDF/A-3b + PDF/UA-1 letter rendered by openhtmltopdf (DejaVu fonts embedded, sRGB output intent),
 * standing in for the templates' renderer in the seal tests and the benchmark.
 */
public final class SampleLetter {

    private static final String FONTS = "/usr/share/fonts/truetype/dejavu/";
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private SampleLetter() {
    }

    public static byte[] render(String reference) {
        String html = """
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="UTF-8"/><title>Accusé de réception %1$s</title>
                <meta name="subject" content="Accusé de réception d'une demande d'accès"/>
                <meta name="author" content="Ville de Lille"/>
                <style>@page { size: A4; margin: 2cm } body { font-family: 'DejaVu Sans'; font-size: 11pt }
                h1 { font-size: 15pt } .ref { font-weight: bold }</style></head>
                <body><h1>Accusé de réception</h1>
                <p>Ville de Lille, responsable de traitement. Délégué à la protection des données : dpo@mairie-lille.fr.</p>
                <p>Référence du dossier : <span class="ref">%1$s</span></p>
                <p>Nous avons bien reçu votre demande d'accès aux images de vidéoprotection (RGPD art. 15 ;
                loi 78-17 art. 49 et 105 ; charte de vidéoprotection art. 3.2). Une réponse vous sera apportée
                dans un délai d'un mois (RGPD art. 12, paragraphe 3).</p>
                <p>Fait à Lille, le 3 novembre 2026.</p></body></html>
                """.formatted(reference);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
            builder.usePdfUaAccessibility(true);
            builder.useColorProfile(SRGB);
            builder.useFont(new File(FONTS + "DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(new File(FONTS + "DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
