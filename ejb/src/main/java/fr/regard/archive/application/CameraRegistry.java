package fr.regard.archive.application;

import fr.regard.archive.domain.CameraRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Read side of the camera registry, for staff (search for footage starts from the cameras near a place). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CameraRegistry {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    CameraRepository cameras;

    /** Every camera by id, or those of one zone (ignoring case) when {@code zone} is given. */
    public List<CameraView> list(String zone) {
        LocalDate today = LocalDate.now(PARIS);
        var found = zone == null || zone.isBlank() ? cameras.all() : cameras.inZone(zone);
        return found.stream().map(c -> CameraView.of(c, today)).toList();
    }
}
