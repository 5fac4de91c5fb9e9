package fr.regard.web.api;

import fr.regard.documents.registry.IssuedDocument;
import fr.regard.reports.application.AnnualReports;
import fr.regard.reports.application.ReportRefusedException;
import fr.regard.web.security.StaffRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** The DPO's rapport annuel (docs/documents.md "Institutional documents"): issued as a sealed document on demand. */
@Path("/reports")
@RequestScoped
public class ReportsResource {

    @Inject
    AnnualReports reports;

    @Context
    SecurityContext security;

    /** Issues the annual report of {@code year} (the current year: figures so far); 201 with the document. */
    @POST
    @Path("/annual/{year}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @RolesAllowed(StaffRoles.DPO)
    public Response annual(@PathParam("year") String year) {
        int value;
        try {
            value = Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            return Problems.unprocessable("invalid-year", "Année invalide", "year",
                    "L'année s'écrit en quatre chiffres, par exemple 2025 (reçu : « " + year + " »).");
        }
        try {
            IssuedDocument document = reports.issue(value, security.getUserPrincipal().getName());
            return InstitutionalDocuments.created(document);
        } catch (ReportRefusedException e) {
            return Problems.unprocessable("invalid-year", "Année invalide", e.field(), e.getMessage());
        }
    }
}
