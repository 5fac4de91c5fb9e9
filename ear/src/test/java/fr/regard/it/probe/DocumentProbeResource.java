package fr.regard.it.probe;

import fr.regard.documents.application.DocumentVerification;
import fr.regard.documents.domain.DocumentSealer;
import fr.regard.documents.domain.SealedDocument;
import fr.regard.documents.format.VerificationReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Seals and verifies inside the server, through the beans the application injects. */
@Path("documents")
@RequestScoped
public class DocumentProbeResource {

    @Inject
    DocumentSealer sealer;

    @Inject
    DocumentVerification verification;

    /** A one-page PDF made here, sealed by the server's configured sealer. */
    @POST
    @Path("seal")
    @Produces("application/pdf")
    public Response seal() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            SealedDocument sealed = sealer.seal(out.toByteArray());
            return Response.ok(sealed.pdf(), "application/pdf")
                    .header("X-Seal-Level", sealed.seal().level().name())
                    .header("X-Seal-Certificate", sealed.seal().certificateSha256())
                    .build();
        }
    }

    @POST
    @Path("verify")
    @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public String verify(byte[] pdf) {
        VerificationReport report = verification.verify(pdf);
        var problems = Json.createArrayBuilder();
        report.problems().forEach(problems::add);
        return Json.createObjectBuilder()
                .add("valid", report.valid())
                .add("issuedByRegard", report.issuedByRegard())
                .add("intact", report.intact())
                .add("signer", String.valueOf(report.signer()))
                .add("certificate", String.valueOf(report.certificateSha256()))
                .add("signedAt", String.valueOf(report.signedAt()))
                .add("level", String.valueOf(report.level()))
                .add("problems", problems)
                .build().toString();
    }
}
