package fr.regard.journal.format;

import java.io.IOException;

/**
 * A journal bundle that can be opened but breaks its format (docs/journal-format.md, "Bundle"): a missing or malformed
 * file, a manifest that contradicts itself. For an auditor this is a failed verification, unlike an
 * {@link IOException} that merely prevents reading (missing path, unreadable archive).
 */
public final class MalformedBundleException extends IOException {

    private static final long serialVersionUID = 1L;

    public MalformedBundleException(String message) {
        super(message);
    }

    public MalformedBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
