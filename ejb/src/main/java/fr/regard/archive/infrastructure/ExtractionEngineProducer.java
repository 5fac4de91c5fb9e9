package fr.regard.archive.infrastructure;

import fr.regard.archive.media.FootageProcessor;
import fr.regard.archive.media.JcodecFootageProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The extraction engine the workers use: the pure-Java one (synthetic and H.264 baseline footage, the embedded
 * default). The configured FFmpeg engine for production footage is chosen here once the media capability offers
 * its setting; until then this is the only {@link FootageProcessor} bean.
 */
@ApplicationScoped
public class ExtractionEngineProducer {

    @Produces
    @ApplicationScoped
    FootageProcessor engine() {
        return new JcodecFootageProcessor();
    }
}
