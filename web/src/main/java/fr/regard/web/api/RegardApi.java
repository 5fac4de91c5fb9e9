package fr.regard.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** Version 1 of Regard's REST API. The OpenAPI document is published at {@code /openapi}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(
        title = "Regard API",
        version = "1",
        description = "Demandes d'accès aux images de vidéoprotection et de vérification de leur destruction "
                + "(charte de vidéoprotection art. 3.2, RGPD art. 15, loi 78-17 art. 49 et 105).",
        contact = @Contact(name = "Délégué à la protection des données")))
public class RegardApi extends Application {
}
