package fr.regard.archive.application;

import fr.regard.archive.domain.Camera;
import java.time.LocalDate;

/** A camera as staff read it in the registry. */
public record CameraView(String id, String name, String address, double latitude, double longitude, String zone,
                         String authorisationReference, LocalDate authorisationExpiry, boolean authorised,
                         int retentionDays, int masks) {

    public static CameraView of(Camera camera, LocalDate today) {
        return new CameraView(camera.id(), camera.name(), camera.address(), camera.latitude(), camera.longitude(),
                camera.zone(), camera.authorisationReference(), camera.authorisationExpiry(),
                camera.authorisedOn(today), camera.retentionDays(), camera.privacyMasks().size());
    }
}
