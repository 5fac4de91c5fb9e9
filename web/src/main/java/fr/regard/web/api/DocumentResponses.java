package fr.regard.web.api;

import fr.regard.cases.application.CaseDocuments;
import fr.regard.cases.application.DocumentView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.LongFunction;

/** Shapes shared by the staff and requester document endpoints. */
final class DocumentResponses {

    private DocumentResponses() {
    }

    /** A document id from the path; anything else is the same 404 as an unknown id. */
    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Response pdf(CaseDocuments.Download download) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        String file = download.document().type().toLowerCase().replace('_', '-') + "-"
                + (download.document().caseReference() == null ? String.valueOf(download.document().id())
                : download.document().caseReference()) + ".pdf";
        return Response.ok(download.content(), download.document().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("X-Content-SHA256", download.document().sha256())
                .header("Referrer-Policy", "no-referrer")
                .cacheControl(noStore).build();
    }

    static Response notFound() {
        return Problems.of(404, "document-not-found", "Document introuvable", "Aucun document ne correspond à ce lien.");
    }

    /** The documents array: type, title, mediaType, downloadUrl (+ id, language, dates, hash, seal). */
    static JsonArrayBuilder list(List<DocumentView> documents, LongFunction<String> downloadUrl, boolean staff) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (DocumentView d : documents) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("id", d.id())
                    .add("type", d.type())
                    .add("title", d.title())
                    .add("mediaType", d.mediaType())
                    .add("downloadUrl", downloadUrl.apply(d.id()))
                    .add("language", d.language())
                    .add("issuedAt", Representations.time(d.issuedAt()))
                    .add("size", d.size())
                    .add("sha256", d.sha256());
            if (staff) {
                json.add("signer", d.signer()).add("sealLevel", d.sealLevel()).add("requesterFacing", d.requesterFacing());
                Representations.put(json, "signedAt", d.signedAt());
            }
            array.add(json);
        }
        return array;
    }

}
