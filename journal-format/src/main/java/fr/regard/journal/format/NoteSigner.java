package fr.regard.journal.format;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * An Ed25519 note signer of the C2SP signed-note format (c2sp.org/signed-note, "Ed25519 signatures"). It is made
 * from a 32-byte RFC 8032 seed, from the signer key string {@code PRIVATE+KEY+<name>+<hex8>+<base64(0x01 || seed)>}
 * of golang.org/x/mod/sumdb/note, or from a JDK {@link PrivateKey} that may live in a token (PKCS#11) and never
 * leave it. Immutable; {@link #toString()} never shows the private key.
 */
public final class NoteSigner {

    private static final String SIGNER_KEY_PREFIX = "PRIVATE+KEY+";
    private static final byte[] PAIRING_PROBE = "regard journal key pairing probe\n".getBytes(StandardCharsets.UTF_8);

    private final NoteVerifier verifier;
    private final PrivateKey privateKey;
    private final byte[] seed;

    private NoteSigner(NoteVerifier verifier, PrivateKey privateKey, byte[] seed) {
        this.verifier = verifier;
        this.privateKey = privateKey;
        this.seed = seed;
    }

    /** A signer with a fresh random key. */
    public static NoteSigner generate(String name) {
        byte[] seed = Ed25519Keys.randomSeed();
        try {
            return fromSeed(name, seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The signer of the named RFC 8032 Ed25519 private key, given as its 32-byte seed. */
    public static NoteSigner fromSeed(String name, byte[] seed) {
        NoteSyntax.requireKeyName(name);
        Objects.requireNonNull(seed, "seed");
        NoteVerifier verifier = NoteVerifier.of(name, Ed25519Keys.publicKeyOfSeed(seed));
        return new NoteSigner(verifier, Ed25519Keys.privateKey(seed), seed.clone());
    }

    /**
     * The signer of a JDK Ed25519 private key, for instance one held by a PKCS#11 token, with its raw 32-byte public
     * key. A probe signature checks that the two keys belong together. Such a signer has no signer key string.
     */
    public static NoteSigner of(String name, PrivateKey privateKey, byte[] publicKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        NoteVerifier verifier = NoteVerifier.of(name, Objects.requireNonNull(publicKey, "publicKey"));
        if (!verifier.verify(PAIRING_PROBE, Ed25519Keys.sign(privateKey, PAIRING_PROBE))) {
            throw new IllegalArgumentException("the private key does not match the public key");
        }
        return new NoteSigner(verifier, privateKey, null);
    }

    /** The signer of a JDK Ed25519 key pair's private key and public key. */
    public static NoteSigner of(String name, PrivateKey privateKey, PublicKey publicKey) {
        return of(name, privateKey, Ed25519Keys.rawPublicKey(Objects.requireNonNull(publicKey, "publicKey")));
    }

    /**
     * Parses a signer key string {@code PRIVATE+KEY+<name>+<hex8>+<base64(0x01 || seed)>}; the key ID must be the
     * one of the derived public key.
     */
    public static NoteSigner parse(String signerKey) {
        Objects.requireNonNull(signerKey, "signerKey");
        if (!signerKey.startsWith(SIGNER_KEY_PREFIX)) {
            throw new IllegalArgumentException("a signer key starts with " + SIGNER_KEY_PREFIX);
        }
        String rest = signerKey.substring(SIGNER_KEY_PREFIX.length());
        int first = rest.indexOf('+');
        int second = first < 0 ? -1 : rest.indexOf('+', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("a signer key reads PRIVATE+KEY+<name>+<hex8 key ID>+<base64 key>");
        }
        String name = rest.substring(0, first);
        Integer keyId = NoteSyntax.parseHex8(rest.substring(first + 1, second));
        if (keyId == null) {
            throw new IllegalArgumentException("the key ID of a signer key is eight hexadecimal digits");
        }
        byte[] typedSeed = CanonicalBase64.decode(rest.substring(second + 1));
        try {
            if (typedSeed.length == 0 || typedSeed[0] != NoteSyntax.ED25519) {
                throw new IllegalArgumentException("only Ed25519 signer keys (type 0x01) are supported");
            }
            if (typedSeed.length != 1 + Ed25519Keys.KEY_LENGTH) {
                throw new IllegalArgumentException("an Ed25519 signer key has " + Ed25519Keys.KEY_LENGTH + " bytes");
            }
            NoteSigner signer = fromSeed(name, Arrays.copyOfRange(typedSeed, 1, typedSeed.length));
            if (signer.keyId() != keyId) {
                throw new IllegalArgumentException("the key ID does not match the name and key of the signer key");
            }
            return signer;
        } finally {
            Arrays.fill(typedSeed, (byte) 0);
        }
    }

    public String name() {
        return verifier.name();
    }

    public int keyId() {
        return verifier.keyId();
    }

    /** The matching verifier, to publish or pin. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** Whether the seed is known, so that {@link #signerKey()} can be written. */
    public boolean hasSignerKey() {
        return seed != null;
    }

    /** The secret signer key string; only for signers made from a seed. */
    public String signerKey() {
        if (seed == null) {
            throw new IllegalStateException("the private key of " + name() + " is not exportable");
        }
        byte[] typedSeed = new byte[1 + seed.length];
        typedSeed[0] = NoteSyntax.ED25519;
        System.arraycopy(seed, 0, typedSeed, 1, seed.length);
        try {
            return SIGNER_KEY_PREFIX + name() + "+" + NoteSyntax.hex8(keyId()) + "+" + CanonicalBase64.encode(typedSeed);
        } finally {
            Arrays.fill(typedSeed, (byte) 0);
        }
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        return Ed25519Keys.sign(privateKey, Objects.requireNonNull(message, "message"));
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifier.verifierKey() + "]";
    }
}
