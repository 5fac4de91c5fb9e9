package fr.regard.journal.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** An immutable list of 32-byte hashes (RFC 9162 §2.1.1) shared by the proof value objects. */
final class ProofHashes {

    private final List<byte[]> hashes;

    ProofHashes(List<byte[]> hashes) {
        Objects.requireNonNull(hashes, "hashes");
        List<byte[]> copies = new ArrayList<>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            copies.add(MerkleHash.requireHash(hashes.get(i), "proof hash " + i).clone());
        }
        this.hashes = Collections.unmodifiableList(copies);
    }

    int size() {
        return hashes.size();
    }

    /** The hashes themselves, for verification only: never handed out. */
    List<byte[]> shared() {
        return hashes;
    }

    List<byte[]> copies() {
        return hashes.stream().map(byte[]::clone).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ProofHashes)) {
            return false;
        }
        List<byte[]> those = ((ProofHashes) other).hashes;
        if (those.size() != hashes.size()) {
            return false;
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (!Arrays.equals(hashes.get(i), those.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int result = 1;
        for (byte[] hash : hashes) {
            result = 31 * result + Arrays.hashCode(hash);
        }
        return result;
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return hashes.stream().map(hex::formatHex).collect(Collectors.joining(", ", "[", "]"));
    }
}
