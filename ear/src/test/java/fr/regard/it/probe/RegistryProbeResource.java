package fr.regard.it.probe;

import fr.regard.documents.registry.BlobStore;
import fr.regard.documents.registry.FilesystemBlobStore;
import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The document store as the server configured it: put a blob, and count the files stored for a hash. */
@jakarta.ws.rs.Path("registry")
@RequestScoped
public class RegistryProbeResource {

    @Inject
    BlobStore blobs;

    @Inject
    DataDirectory data;

    @POST
    @jakarta.ws.rs.Path("blobs")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    public String put(byte[] content) {
        BlobStore.StoredBlob blob = blobs.put(content);
        return Json.createObjectBuilder().add("sha256", blob.sha256()).add("size", blob.size())
                .add("written", blob.written()).build().toString();
    }

    /** Files in the blob's folder whose name is the blob's (the store's own layout), and the blob's file size. */
    @GET
    @jakarta.ws.rs.Path("blobs/{sha256}")
    @Produces(MediaType.APPLICATION_JSON)
    public String files(@PathParam("sha256") String sha256) throws IOException {
        // the produced store is behind a client proxy: the same layout, read from the default folder the tests use
        FilesystemBlobStore store = new FilesystemBlobStore(data.folder("documents"));
        Path file = store.pathOf(sha256);
        long copies;
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            copies = siblings.filter(p -> p.getFileName().toString().startsWith(sha256.substring(2))).count();
        }
        return Json.createObjectBuilder().add("path", file.toString()).add("copies", copies)
                .add("size", Files.size(file)).build().toString();
    }
}
