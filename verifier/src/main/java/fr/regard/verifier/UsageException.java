package fr.regard.verifier;

/** A command line or an input file the verifier cannot use (exit code 2); the message is one French line. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
