package fr.regard.archive.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The camera registry's storage. */
public interface CameraRepository {

    /** Every camera, by id. */
    List<Camera> all();

    /** The cameras of a zone (ignoring case), by id. */
    List<Camera> inZone(String zone);

    Optional<Camera> find(String id);

    Set<String> ids();

    void add(Camera camera);
}
