package fr.regard.journal.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON documents of a bundle (docs/journal-format.md, "Bundle"): {@code manifest.json}, {@code prefix.json} and the
 * lines of {@code checkpoints.jsonl} and {@code consistency.jsonl}, with hashes and tokens in padded base64
 * (RFC 4648 §4). Written with sorted keys and no whitespace; read strictly (known members only, right types).
 */
final class BundleJson {

    private BundleJson() {
    }

    static byte[] manifest(JournalBundle bundle) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", JournalBundle.FORMAT);
        manifest.put("origin", bundle.origin());
        manifest.put("firstSeq", bundle.firstSeq());
        manifest.put("lastSeq", bundle.lastSeq());
        manifest.put("exportedAt", bundle.exportedAt().toString());
        manifest.put("treeSize", bundle.treeSize());
        return document(manifest);
    }

    static byte[] prefix(CompactRange prefix) {
        return document(Map.of("size", prefix.size(), "hashes", base64(prefix.hashes())));
    }

    static byte[] checkpoint(CheckpointEvidence evidence) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("note", evidence.signedNote());
        evidence.timestampToken().ifPresent(token -> line.put("timestampToken", CanonicalBase64.encode(token)));
        return line(line);
    }

    static byte[] consistency(ConsistencyProof proof) {
        return line(Map.of("from", proof.size1(), "to", proof.size2(), "hashes", base64(proof.hashes())));
    }

    /** Reads the manifest into a builder holding origin, seqs, export time and tree size. */
    static JournalBundle.Builder readManifest(byte[] json) {
        Map<String, Object> manifest = object(json, Set.of("format", "origin", "firstSeq", "lastSeq", "exportedAt",
                "treeSize"), Set.of());
        String format = string(manifest, "format");
        if (!format.equals(JournalBundle.FORMAT)) {
            throw new IllegalArgumentException("format « " + format + " » inconnu (attendu : " + JournalBundle.FORMAT + ")");
        }
        Instant exportedAt;
        try {
            exportedAt = Instant.parse(string(manifest, "exportedAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("exportedAt n'est pas un instant ISO 8601 UTC");
        }
        return JournalBundle.builder().origin(string(manifest, "origin"))
                .entries(integer(manifest, "firstSeq"), integer(manifest, "lastSeq"))
                .treeSize(integer(manifest, "treeSize")).exportedAt(exportedAt);
    }

    static CompactRange readPrefix(byte[] json) {
        Map<String, Object> prefix = object(json, Set.of("size", "hashes"), Set.of());
        return CompactRange.of(integer(prefix, "size"), hashes(prefix));
    }

    static CheckpointEvidence readCheckpoint(byte[] json) {
        Map<String, Object> line = object(json, Set.of("note"), Set.of("timestampToken"));
        String note = string(line, "note");
        if (!line.containsKey("timestampToken")) {
            return CheckpointEvidence.of(note);
        }
        return CheckpointEvidence.of(note, CanonicalBase64.decode(string(line, "timestampToken")));
    }

    static ConsistencyProof readConsistency(byte[] json) {
        Map<String, Object> line = object(json, Set.of("from", "to", "hashes"), Set.of());
        return new ConsistencyProof(integer(line, "from"), integer(line, "to"), hashes(line));
    }

    private static byte[] line(Map<String, Object> value) {
        return Json.write(value);
    }

    private static byte[] document(Map<String, Object> value) {
        ByteSink out = new ByteSink(256);
        out.write(Json.write(value));
        out.write('\n');
        return out.toByteArray();
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(CanonicalBase64::encode).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(byte[] json, Set<String> required, Set<String> optional) {
        if (!(Json.parse(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("un objet JSON est attendu");
        }
        for (Object name : map.keySet()) {
            if (!required.contains(name) && !optional.contains(name)) {
                throw new IllegalArgumentException("membre inconnu « " + name + " »");
            }
        }
        for (String name : required) {
            if (!map.containsKey(name)) {
                throw new IllegalArgumentException("membre « " + name + " » manquant");
            }
        }
        return (Map<String, Object>) map;
    }

    private static String string(Map<String, Object> object, String name) {
        if (!(object.get(name) instanceof String text)) {
            throw new IllegalArgumentException("« " + name + " » doit être une chaîne");
        }
        return text;
    }

    private static long integer(Map<String, Object> object, String name) {
        if (!(object.get(name) instanceof Long value)) {
            throw new IllegalArgumentException("« " + name + " » doit être un entier");
        }
        return value;
    }

    private static List<byte[]> hashes(Map<String, Object> object) {
        if (!(object.get("hashes") instanceof List<?> items)) {
            throw new IllegalArgumentException("« hashes » doit être un tableau");
        }
        List<byte[]> hashes = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw new IllegalArgumentException("« hashes » contient autre chose que des chaînes base64");
            }
            byte[] hash = CanonicalBase64.decode(text);
            if (hash.length != MerkleHash.LENGTH) {
                throw new IllegalArgumentException("une empreinte de « hashes » ne fait pas 32 octets");
            }
            hashes.add(hash);
        }
        return hashes;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
