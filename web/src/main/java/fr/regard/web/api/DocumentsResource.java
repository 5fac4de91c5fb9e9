package fr.regard.web.api;

import fr.regard.cases.application.CaseDocuments;
import fr.regard.documents.format.VerificationReport;
import fr.regard.documents.registry.RegistryVerification;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issued documents: download by staff ({@code GET /documents/{id}}, journalled) and verification for anyone
 * ({@code POST /documents/verify}, no login: body = the PDF's bytes, at most {@code regard.documents.verify.max-bytes}).
 */
@Path("/documents")
@RequestScoped
public class DocumentsResource {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    @Inject
    CaseDocuments documents;

    @Inject
    RegistryVerification verification;

    @Inject
    @ConfigProperty(name = "regard.documents.verify.max-bytes", defaultValue = "20971520")
    long maxBytes;

    @Context
    SecurityContext security;

    @GET
    @Path("/{id}")
    @Produces({"application/pdf", Problems.MEDIA_TYPE})
    @RolesAllowed({"dpo", "operator", "auditor", "admin"})
    public Response download(@PathParam("id") String id) {
        long documentId = DocumentResponses.id(id);
        return documents.downloadByStaff(documentId, security.getUserPrincipal().getName(), StaffRoles.roleOf(security))
                .map(DocumentResponses::pdf)
                .orElseGet(DocumentResponses::notFound);
    }

    /** Is this PDF a document Regard issued, intact, sealed by whom, when, at which level? */
    @POST
    @Path("/verify")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response verify(InputStream body) throws IOException {
        byte[] pdf = readAtMost(body, maxBytes);
        if (pdf == null) {
            return Problems.of(413, "document-too-large", "Fichier trop volumineux",
                    "Le fichier dépasse la taille maximale acceptée pour une vérification (" + (maxBytes / (1024 * 1024))
                            + " Mo). Seuls les documents PDF émis par Regard peuvent être vérifiés.");
        }
        if (pdf.length == 0) {
            return Problems.of(400, "document-missing", "Aucun fichier reçu",
                    "Envoyez le document PDF à vérifier dans le corps de la requête.");
        }
        if (pdf.length < PDF_MAGIC.length || !Arrays.equals(Arrays.copyOf(pdf, PDF_MAGIC.length), PDF_MAGIC)) {
            return Problems.of(415, "not-a-pdf", "Ce fichier n'est pas un PDF",
                    "Le fichier reçu n'est pas un document PDF. Seuls les documents PDF émis par Regard peuvent être vérifiés.");
        }
        RegistryVerification.Outcome outcome = verification.verify(pdf);
        return Response.ok(verificationJson(outcome), MediaType.APPLICATION_JSON).build();
    }

    private static String verificationJson(RegistryVerification.Outcome outcome) {
        VerificationReport report = outcome.report();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("valid", report.valid() && outcome.registered().isPresent())
                .add("sealed", report.sealed())
                .add("issuedByRegard", report.issuedByRegard())
                .add("issuedByRegardReason", report.issuedByRegard()
                        ? "Le cachet a été apposé avec un certificat émis pour Regard par l'autorité de confiance de la ville."
                        : report.sealed() ? "Le certificat du cachet n'est pas un certificat de Regard, ou n'était pas valide."
                        : "Le document ne porte pas de cachet électronique.")
                .add("intact", report.intact())
                .add("sha256", outcome.sha256());
        JsonObjectBuilder registry = Json.createObjectBuilder().add("known", outcome.registered().isPresent());
        outcome.registered().ifPresent(d -> registry.add("type", d.type()).add("title", d.title())
                .add("issuedAt", Representations.time(d.issuedAt())));
        json.add("registry", registry);
        Representations.put(json, "signer", report.signer());
        Representations.put(json, "signedAt", report.signedAt());
        if (report.level() != null) {
            json.add("level", report.level().name()).add("levelLabel", report.level().label());
        }
        JsonArrayBuilder problems = Json.createArrayBuilder();
        report.problems().forEach(problems::add);
        if (outcome.registered().isEmpty()) {
            problems.add("Ce fichier n'est pas enregistré au registre des documents émis par Regard (empreinte inconnue).");
        }
        json.add("problems", problems);
        json.add("summary", summary(report, outcome.registered().isPresent()));
        return json.build().toString();
    }

    private static String summary(VerificationReport report, boolean registered) {
        if (report.valid() && registered) {
            return "Document authentique : émis par Regard, enregistré, intact.";
        }
        if (!report.sealed()) {
            return "Document non reconnu : il ne porte pas le cachet de Regard.";
        }
        if (!report.intact()) {
            return "Document altéré : il a été modifié après son scellement.";
        }
        if (!report.issuedByRegard()) {
            return "Document non reconnu : son cachet n'est pas celui de Regard.";
        }
        return "Cachet valide, mais ce document n'est pas au registre de Regard.";
    }

    /** The body, or null when longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

}
