package fr.regard.archive.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A camera of the video-protection system on the public road, as the prefectoral authorisation describes it: where
 * it is, the zone its operators know it by, the authorisation (reference, expiry) it runs under, how long its
 * footage is kept and which private spaces are blurred at source.
 *
 * <p>The rule it guards: recordings are destroyed within the period the authorisation sets, <b>never more than one
 * month</b> (CSI L252-5), so the retention is 1 to {@value #MAX_RETENTION_DAYS} days. Every field is checked when a
 * camera is created; all the faults are named at once ({@link InvalidCameraException}).
 */
@Entity
@Table(name = "camera")
public class Camera {

    /** CSI L252-5: never more than one month; 31 days is the longest month. */
    public static final int MAX_RETENTION_DAYS = 31;
    public static final int MAX_MASKS = 16;

    private static final Pattern ID = Pattern.compile("[A-Z]{3}-\\d{3}");

    @Id
    @Column(name = "id", length = 16)
    private String id;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "name", nullable = false, length = 120)
    private String name;

    @Column(name = "address", nullable = false, length = 200)
    private String address;

    @Column(name = "zone_name", nullable = false, length = 60)
    private String zone;

    @Column(name = "latitude", nullable = false)
    private double latitude;

    @Column(name = "longitude", nullable = false)
    private double longitude;

    @Column(name = "authorisation_reference", nullable = false, length = 60)
    private String authorisationReference;

    @Column(name = "authorisation_expiry", nullable = false)
    private LocalDate authorisationExpiry;

    @Column(name = "retention_days", nullable = false)
    private int retentionDays;

    /** {@code [[x,y,w,h],…]}: see {@link PrivacyMask#toJson}. */
    @Column(name = "privacy_masks", nullable = false, length = 2000)
    private String privacyMasks;

    protected Camera() {
        // JPA
    }

    public Camera(String id, String name, String address, String zone, double latitude, double longitude,
            String authorisationReference, LocalDate authorisationExpiry, int retentionDays, List<PrivacyMask> masks) {
        List<String> faults = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            faults.add("id: three capital letters, a dash and three digits (LIL-042), not '" + id + "'");
        }
        text(faults, "name", name, 120);
        text(faults, "address", address, 200);
        text(faults, "zone", zone, 60);
        if (!(latitude >= -90 && latitude <= 90)) {
            faults.add("latitude: between -90 and 90, not " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            faults.add("longitude: between -180 and 180, not " + longitude);
        }
        text(faults, "authorisationReference", authorisationReference, 60);
        if (authorisationExpiry == null) {
            faults.add("authorisationExpiry: required");
        }
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            faults.add("retentionDays: 1 to " + MAX_RETENTION_DAYS + " days (CSI L252-5: never more than one month), not "
                    + retentionDays);
        }
        if (masks == null || masks.size() > MAX_MASKS) {
            faults.add("privacyMasks: at most " + MAX_MASKS + " rectangles");
        }
        if (!faults.isEmpty()) {
            throw new InvalidCameraException(id, faults);
        }
        this.id = id;
        this.name = name.strip();
        this.address = address.strip();
        this.zone = zone.strip();
        this.latitude = latitude;
        this.longitude = longitude;
        this.authorisationReference = authorisationReference.strip();
        this.authorisationExpiry = authorisationExpiry;
        this.retentionDays = retentionDays;
        this.privacyMasks = PrivacyMask.toJson(masks);
    }

    private static void text(List<String> faults, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            faults.add(field + ": required");
        } else if (value.strip().length() > max) {
            faults.add(field + ": at most " + max + " characters");
        }
    }

    /** Whether the prefectoral authorisation still covers the camera on that day. */
    public boolean authorisedOn(LocalDate day) {
        return !day.isAfter(authorisationExpiry);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String zone() {
        return zone;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    public String authorisationReference() {
        return authorisationReference;
    }

    public LocalDate authorisationExpiry() {
        return authorisationExpiry;
    }

    public int retentionDays() {
        return retentionDays;
    }

    public List<PrivacyMask> privacyMasks() {
        return PrivacyMask.fromJson(privacyMasks);
    }
}
