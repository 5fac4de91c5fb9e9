package fr.regard.archive.domain;

import java.util.List;

/** A camera refused, with every fault named ({@code field: rule}). */
public class InvalidCameraException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> faults;

    public InvalidCameraException(String id, List<String> faults) {
        super("Camera " + id + " refused: " + String.join("; ", faults));
        this.faults = List.copyOf(faults);
    }

    public List<String> faults() {
        return faults;
    }
}
