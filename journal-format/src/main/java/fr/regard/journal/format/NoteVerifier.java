package fr.regard.journal.format;

import java.security.Provider;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * An Ed25519 note verifier key of the C2SP signed-note format (c2sp.org/signed-note, "Ed25519 signatures"), written
 * as the verifier key string {@code <name>+<hex8 key ID>+<base64(0x01 || 32-byte public key)>} of
 * golang.org/x/mod/sumdb/note. Immutable; parsing checks the name, the key type, the key length and that the key
 * ID matches the name and key.
 *
 * <p>Signatures are checked with the JDK's Ed25519, or with the JCA provider named by the security property
 * {@value #VERIFY_PROVIDER_PROPERTY} when it is installed (the offline verifier appends BouncyCastle, whose Ed25519
 * is several times faster, for the thousands of checkpoints of a large bundle).
 */
public final class NoteVerifier {

    /** Security property naming the JCA provider that verifies Ed25519 signatures; unset: the JDK's. */
    public static final String VERIFY_PROVIDER_PROPERTY = Ed25519Keys.VERIFY_PROVIDER_PROPERTY;

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey jdkKey;
    /** {@link #jdkKey} as the verifying provider's own key, for the last provider used (immutable pairs). */
    private volatile ProviderKey providerKey;

    private record ProviderKey(Provider provider, PublicKey key) {
    }

    private NoteVerifier(String name, byte[] publicKey) {
        this.name = NoteSyntax.requireKeyName(name);
        this.publicKey = publicKey.clone();
        this.jdkKey = Ed25519Keys.publicKey(this.publicKey);
        this.keyId = NoteSyntax.ed25519KeyId(name, this.publicKey);
    }

    /** The verifier of the named raw 32-byte Ed25519 public key. */
    public static NoteVerifier of(String name, byte[] publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        return new NoteVerifier(name, publicKey);
    }

    /** The verifier of a JDK Ed25519 public key. */
    public static NoteVerifier of(String name, PublicKey publicKey) {
        return new NoteVerifier(name, Ed25519Keys.rawPublicKey(Objects.requireNonNull(publicKey, "publicKey")));
    }

    /** Parses a verifier key string {@code <name>+<hex8>+<base64(0x01 || key)>}. */
    public static NoteVerifier parse(String verifierKey) {
        Objects.requireNonNull(verifierKey, "verifierKey");
        int first = verifierKey.indexOf('+');
        int second = first < 0 ? -1 : verifierKey.indexOf('+', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("a verifier key reads <name>+<hex8 key ID>+<base64 key>");
        }
        String name = verifierKey.substring(0, first);
        Integer keyId = NoteSyntax.parseHex8(verifierKey.substring(first + 1, second));
        if (keyId == null) {
            throw new IllegalArgumentException("the key ID of a verifier key is eight hexadecimal digits");
        }
        byte[] typedKey = CanonicalBase64.decode(verifierKey.substring(second + 1));
        if (typedKey.length == 0 || typedKey[0] != NoteSyntax.ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys (type 0x01) are supported");
        }
        if (typedKey.length != 1 + Ed25519Keys.KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 verifier key has " + Ed25519Keys.KEY_LENGTH + " bytes");
        }
        NoteSyntax.requireKeyName(name);
        if (keyId != NoteSyntax.ed25519KeyId(name, Arrays.copyOfRange(typedKey, 1, typedKey.length))) {
            throw new IllegalArgumentException("the key ID does not match the name and key of the verifier key");
        }
        return new NoteVerifier(name, Arrays.copyOfRange(typedKey, 1, typedKey.length));
    }

    public String name() {
        return name;
    }

    /** The key ID, SHA-256(name || 0x0A || 0x01 || public key)[:4] read big-endian. */
    public int keyId() {
        return keyId;
    }

    /** A copy of the raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The verifier key string {@code <name>+<hex8>+<base64(0x01 || key)>}. */
    public String verifierKey() {
        byte[] typedKey = new byte[1 + publicKey.length];
        typedKey[0] = NoteSyntax.ED25519;
        System.arraycopy(publicKey, 0, typedKey, 1, publicKey.length);
        return name + "+" + NoteSyntax.hex8(keyId) + "+" + CanonicalBase64.encode(typedKey);
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} by this key. */
    public boolean verify(byte[] message, byte[] signature) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        Provider provider = Ed25519Keys.verifyProvider();
        PublicKey key = jdkKey;
        if (provider != null) {
            ProviderKey cached = providerKey;
            if (cached == null || cached.provider() != provider) {
                cached = new ProviderKey(provider, Ed25519Keys.providerKey(provider, jdkKey));
                providerKey = cached;
            }
            key = cached.key();
        }
        return Ed25519Keys.verify(provider, key, message, signature);
    }

    /** Whether a signature line names this key. */
    boolean matches(NoteSignature signature) {
        return keyId == signature.keyId() && name.equals(signature.keyName());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifier that && name.equals(that.name) && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
