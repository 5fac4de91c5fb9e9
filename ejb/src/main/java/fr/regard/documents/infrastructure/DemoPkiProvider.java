package fr.regard.documents.infrastructure;

import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one {@link DemoPki} of this server ({@code <data>/keys/demo-pki.p12}), loaded or generated on first use by
 * whoever needs it: the in-process TSA, the demo seal, the public CA certificate and CRL.
 */
@ApplicationScoped
public class DemoPkiProvider {

    @Inject
    @ConfigProperty(name = "regard.demo.pki.password", defaultValue = "regard-demo-pki")
    String password;

    @Inject
    @ConfigProperty(name = "regard.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    DataDirectory data;

    @Inject
    SealSettings settings;

    /** Whether the seal or the TSA is the demo one (no TSA URL, or no seal key store configured). */
    public boolean inUse() {
        return settings.demoPkiInUse();
    }

    private volatile DemoPki pki;

    public DemoPki get() {
        DemoPki loaded = pki;
        if (loaded == null) {
            synchronized (this) {
                if (pki == null) {
                    pki = DemoPki.loadOrCreate(data.folder("keys").resolve("demo-pki.p12"), password.toCharArray(),
                            URI.create(publicUrl.strip()));
                }
                loaded = pki;
            }
        }
        return loaded;
    }
}
