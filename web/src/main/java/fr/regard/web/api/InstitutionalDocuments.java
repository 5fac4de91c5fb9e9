package fr.regard.web.api;

import fr.regard.documents.registry.IssuedDocument;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The 201 answer of an institutional document issued on demand (journal export, annual report). */
final class InstitutionalDocuments {

    private InstitutionalDocuments() {
    }

    static Response created(IssuedDocument document) {
        String url = "/api/v1/documents/" + document.id();
        return Response.created(URI.create(url)).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder()
                        .add("id", document.id())
                        .add("type", document.type())
                        .add("title", document.title())
                        .add("mediaType", document.mediaType())
                        .add("downloadUrl", url)
                        .add("issuedAt", Representations.time(document.issuedAt()))
                        .add("size", document.size())
                        .add("sha256", document.sha256())
                        .add("sealLevel", document.sealLevel())
                        .build().toString())
                .build();
    }
}
