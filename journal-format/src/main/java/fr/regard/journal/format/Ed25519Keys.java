package fr.regard.journal.format;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * RFC 8032 Ed25519 keys between their raw 32-byte forms (as written in C2SP signed-note key strings) and the JDK's
 * {@code "Ed25519"} provider, which takes X.509 SubjectPublicKeyInfo and PKCS#8 encodings (RFC 8410): both are a
 * fixed DER prefix followed by the raw bytes.
 */
final class Ed25519Keys {

    static final int KEY_LENGTH = 32;
    private static final String ALGORITHM = "Ed25519";
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519Keys() {
    }

    static PublicKey publicKey(byte[] raw) {
        requireLength(raw, "public key");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide Ed25519", e);
        }
    }

    static PrivateKey privateKey(byte[] seed) {
        requireLength(seed, "private key seed");
        byte[] encoded = concat(PKCS8_PREFIX, seed);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide Ed25519", e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** The raw 32-byte public key of a JDK Ed25519 public key. */
    static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (!ALGORITHM.equalsIgnoreCase(key.getAlgorithm()) && !"EdDSA".equalsIgnoreCase(key.getAlgorithm())
                || encoded == null || encoded.length != X509_PREFIX.length + KEY_LENGTH
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /** The raw 32-byte public key of the RFC 8032 §5.1.5 key pair generated from {@code seed}. */
    static byte[] publicKeyOfSeed(byte[] seed) {
        requireLength(seed, "private key seed");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            // The JDK draws the 32-byte private key (the seed) from the random source, then derives the public key.
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] drawn = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(null);
            if (drawn == null || !Arrays.equals(drawn, seed)) {
                throw new IllegalStateException("the JDK did not derive the Ed25519 key pair from the given seed");
            }
            Arrays.fill(drawn, (byte) 0);
            return rawPublicKey(pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide Ed25519", e);
        }
    }

    /** A fresh random 32-byte seed. */
    static byte[] randomSeed() {
        byte[] seed = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * Security property naming the JCA provider to verify Ed25519 signatures with (e.g. {@code BC}, about eight
     * times faster than the JDK's pure-Java EdDSA); unset or not installed: the JDK's default.
     */
    static final String VERIFY_PROVIDER_PROPERTY = "fr.regard.journal.ed25519.provider";

    /** The installed provider named by {@link #VERIFY_PROVIDER_PROPERTY}, or null for the JDK's default. */
    static Provider verifyProvider() {
        String name = Security.getProperty(VERIFY_PROVIDER_PROPERTY);
        return name == null ? null : Security.getProvider(name);
    }

    /**
     * The key as {@code provider}'s own key object, so that the provider does not decode it again at every
     * verification; the key itself if the provider cannot make one (it then converts it as before).
     */
    static PublicKey providerKey(Provider provider, PublicKey key) {
        try {
            return KeyFactory.getInstance(ALGORITHM, provider).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }

    /** Verifies with {@code provider} ({@link #verifyProvider()}; null: the JDK's default). */
    static boolean verify(Provider provider, PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = provider == null ? Signature.getInstance(ALGORITHM)
                    : Signature.getInstance(ALGORITHM, provider);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide Ed25519", e);
        }
    }

    private static void requireLength(byte[] raw, String what) {
        if (raw == null || raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 " + what + " has " + KEY_LENGTH + " bytes");
        }
    }

    private static byte[] concat(byte[] prefix, byte[] raw) {
        byte[] result = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, result, prefix.length, raw.length);
        return result;
    }

    /** A "random" source that yields one given seed, once. */
    private static final class SeedSource extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("the seed source serves exactly one " + KEY_LENGTH + "-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            Arrays.fill(seed, (byte) 0);
            seed = null;
        }
    }
}
