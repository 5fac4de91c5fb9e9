package fr.regard.verifier;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of {@code java -jar regard-verifier.jar} (verifier/README.md): runs {@link VerifierCli} and exits
 * with its code. Output is in the console's charset, or UTF-8 when redirected.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Charset charset = System.console() != null ? System.console().charset() : StandardCharsets.UTF_8;
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset);
        int code = VerifierCli.run(args, out, err, charset.newEncoder().canEncode("✔✘–"));
        out.flush();
        err.flush();
        System.exit(code);
    }
}
