package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.journal.format.Checkpoint;
import fr.regard.journal.format.MerkleHash;
import fr.regard.journal.format.NoteSigner;
import fr.regard.journal.format.NoteVerifier;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each tampering of DESIGN/issue 3 applied to the real database (in a transaction rolled back afterwards) is caught
 * by the server's own integrity check, which names the first bad sequence number. The offline verifier runs the
 * same audit code on bundles (journal-format's tamper suite covers it there).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JournalTamperIT {

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    private NoteVerifier key;
    private Checkpoint newest;
    private long k;

    /** Files three requests and waits until they are sequenced and covered by a signed checkpoint. */
    @BeforeEach
    void journalWithSomeEntries() throws Exception {
        key = NoteVerifier.parse(Http.get("/api/v1/journal/vkey").body().strip());
        String last = null;
        String second = null;
        for (int i = 0; i < 3; i++) {
            second = last;
            last = Http.postJson("/api/v1/requests", RequestApiIT.request("ACCESS",
                    "2026-11-20T14:30:00+01:00", "2026-11-20T15:00:00+01:00")).json().getString("reference");
        }
        Instant deadline = Instant.now().plusSeconds(10);
        long lastSeq = -1;
        // the last request's entries, its acknowledgement included (issued asynchronously after intake, issue 6)
        deadline = Instant.now().plusSeconds(40);
        while (lastSeq < 0) {
            List<JsonObject> entries = Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + last).json()
                    .getJsonArray("entries").getValuesAs(JsonObject.class);
            boolean acknowledged = entries.stream().anyMatch(e -> e.containsKey("seq")
                    && e.getString("action").startsWith("LETTER_"));
            if (acknowledged) {
                for (JsonObject e : entries) {
                    if (e.containsKey("seq")) {
                        lastSeq = Math.max(lastSeq, e.getJsonNumber("seq").longValue());
                    }
                }
            }
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
        do {
            newest = Checkpoint.open(Http.get("/api/v1/journal/checkpoint").body().getBytes(StandardCharsets.UTF_8), key);
            Thread.sleep(100);
        } while (newest.size() <= lastSeq && Instant.now().isBefore(deadline));
        assertThat(newest.size()).isGreaterThan(lastSeq);
        // an entry inside the signed tree, with a successor, that names the requester: the second case's receipt (the
        // entry just before the last one may be a hold placement or a letter, depending on when the jobs ran)
        k = Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + second).json().getJsonArray("entries")
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getString("action").equals("CASE_RECEIVED"))
                .findFirst().orElseThrow().getJsonNumber("seq").longValue();
        assertThat(k).isLessThan(lastSeq);
        assertThat(tamper("")).as("untouched journal").containsEntry("ok", jakarta.json.JsonValue.TRUE);
    }

    private static JsonObject tamper(String statements) {
        Http.Reply reply = Http.post("/" + RegardDeployment.PROBE + "/tamper", "text/plain", statements);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /**
     * Tampering from {@code tamperedSeq} on is caught and the named first bad sequence is not after it: when the
     * tampered entry itself cannot be singled out (an insertion, a truncation), the audit names the first entry no
     * longer authenticated by a signed root, which comes at or before it.
     */
    private static void assertCaughtFrom(JsonObject report, long tamperedSeq, String... failedChecks) {
        assertThat(report.getBoolean("ok")).as(report.getString("report")).isFalse();
        assertThat(report.getJsonNumber("firstBadSeq").longValue()).as(report.getString("report"))
                .isLessThanOrEqualTo(tamperedSeq).isGreaterThanOrEqualTo(0);
        assertThat(report.getJsonArray("failedChecks").getValuesAs(JsonString.class).stream().map(JsonString::getString))
                .as(report.getString("report")).contains(failedChecks);
    }

    private static void assertCaught(JsonObject report, long firstBadSeq, String... failedChecks) {
        assertThat(report.getBoolean("ok")).as(report.getString("report")).isFalse();
        assertThat(report.getJsonNumber("firstBadSeq").longValue()).as(report.getString("report")).isEqualTo(firstBadSeq);
        assertThat(report.getJsonArray("failedChecks").getValuesAs(JsonString.class).stream().map(JsonString::getString))
                .as(report.getString("report")).contains(failedChecks);
    }

    @Test
    @DisplayName("a modified entry is named")
    void modified() {
        // every entry has an action (entry k may be any event of the case: received, hold, acknowledgement issued…)
        assertCaught(tamper("update journal_entry set canonical = replace(canonical, '\"action\":\"', '\"action\":\"FAUX_') where seq = " + k),
                k, "leaf-hashes");
    }

    @Test
    @DisplayName("a deleted entry is named")
    void deleted() {
        assertCaught(tamper("delete from journal_entry where seq = " + k), k, "entry-sequence");
    }

    @Test
    @DisplayName("two reordered entries are named")
    void reordered() {
        assertCaught(tamper("update journal_entry set seq = -1 where seq = " + k + ";\n"
                + "update journal_entry set seq = " + k + " where seq = " + (k + 1) + ";\n"
                + "update journal_entry set seq = " + (k + 1) + " where seq = -1"), k, "entry-sequence");
    }

    @Test
    @DisplayName("an inserted entry is named")
    void inserted() {
        String forged = "{\"action\":\"CASE_VIEWED\",\"actor\":\"intrus\",\"object\":{\"id\":\"DA-2026-999999\",\"type\":\"case\"},"
                + "\"recordedAt\":\"2026-11-25T10:00:00.000000Z\",\"role\":\"dpo\",\"seq\":" + k
                + ",\"sequencedAt\":\"2026-11-25T10:00:00.000000Z\",\"v\":1}";
        String leaf = HexFormat.of().formatHex(MerkleHash.leaf(forged.getBytes(StandardCharsets.UTF_8)));
        JsonObject report = tamper("update journal_entry set seq = seq + 1000000 where seq >= " + k + ";\n"
                + "update journal_entry set seq = seq - 999999 where seq >= 1000000;\n"
                + "insert into journal_entry (recorded_at, actor, role, action, object_json, seq, sequenced_at, canonical, leaf_hash) "
                + "values (current_timestamp, 'intrus', 'dpo', 'CASE_VIEWED', '{\"id\":\"DA-2026-999999\",\"type\":\"case\"}', "
                + k + ", current_timestamp, '" + forged + "', '" + leaf + "')");
        assertCaughtFrom(report, k, "entry-sequence", "tree-roots");
    }

    @Test
    @DisplayName("a tail truncated after a checkpoint is named")
    void truncatedTail() {
        assertCaughtFrom(tamper("delete from journal_entry where seq >= " + k), k, "coverage");
    }

    @Test
    @DisplayName("a checkpoint re-signed with another key is refused")
    void resignedWithAnotherKey() {
        Checkpoint forged = new Checkpoint(newest.origin(), newest.size(), newest.rootHash());
        String note = forged.sign(NoteSigner.generate(newest.origin())).format();
        JsonObject report = tamper("update journal_checkpoint set note = '" + note.replace("'", "''")
                + "' where tree_size = " + newest.size());
        assertThat(report.getBoolean("ok")).isFalse();
        assertThat(report.getJsonArray("failedChecks").getValuesAs(JsonString.class).stream().map(JsonString::getString))
                .contains("checkpoint-signatures");
    }

    @Test
    @DisplayName("a forked checkpoint (another root for a signed size, signed with the stolen key) is refused")
    void forked() throws Exception {
        Path keyFile = Path.of(System.getProperty("regard.it.data.dir"), "keys", "journal.key");
        NoteSigner stolen = NoteSigner.parse(Files.readString(keyFile).strip());
        byte[] otherRoot = MerkleHash.leaf("fork".getBytes(StandardCharsets.UTF_8));
        String note = new Checkpoint(newest.origin(), newest.size(), otherRoot).sign(stolen).format();
        JsonObject report = tamper("update journal_checkpoint set note = '" + note.replace("'", "''")
                + "', root_hash = '" + HexFormat.of().formatHex(otherRoot) + "' where tree_size = " + newest.size());
        assertThat(report.getBoolean("ok")).as(report.getString("report")).isFalse();
        assertThat(report.getJsonArray("failedChecks").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList())
                .containsAnyOf("tree-roots", "checkpoint-order", "rollback");
    }

    @Test
    @DisplayName("the journal never signs a checkpoint over a tree state that contradicts the last one it signed")
    void neverSignsInconsistentCheckpoints() throws Exception {
        String forgedRoot = HexFormat.of().formatHex(MerkleHash.leaf("forged state".getBytes(StandardCharsets.UTF_8)));
        JsonObject saved = Http.post("/" + RegardDeployment.PROBE + "/sql", "text/plain",
                "update journal_state set root_hash = '" + forgedRoot + "' where id = 1 and root_hash = '"
                        + HexFormat.of().formatHex(newest.rootHash()) + "'").json();
        try {
            assertThat(saved.getInt("count")).as("state altered").isEqualTo(1);
            Http.postJson("/api/v1/requests", RequestApiIT.request("ACCESS",
                    "2026-11-20T14:30:00+01:00", "2026-11-20T15:00:00+01:00"));
            Thread.sleep(3000);
            Checkpoint after = Checkpoint.open(Http.get("/api/v1/journal/checkpoint").body()
                    .getBytes(StandardCharsets.UTF_8), key);
            assertThat(after.size()).as("no checkpoint signed over the altered state").isEqualTo(newest.size());
            assertThat(after.rootHash()).isEqualTo(newest.rootHash());
        } finally {
            Http.post("/" + RegardDeployment.PROBE + "/sql", "text/plain", "update journal_state set root_hash = '"
                    + HexFormat.of().formatHex(newest.rootHash()) + "' where id = 1");
        }
        Instant deadline = Instant.now().plusSeconds(5);
        Checkpoint resumed;
        do {
            Thread.sleep(200);
            resumed = Checkpoint.open(Http.get("/api/v1/journal/checkpoint").body().getBytes(StandardCharsets.UTF_8), key);
        } while (resumed.size() == newest.size() && Instant.now().isBefore(deadline));
        assertThat(resumed.size()).as("publication resumes once the state is consistent again").isGreaterThan(newest.size());
    }

    @Test
    @DisplayName("a database rolled back to an older checkpoint is caught by the published witness")
    void rolledBack() throws InterruptedException {
        // make sure the witness file holds the newest checkpoint
        Thread.sleep(Duration.ofMillis(1500).toMillis());
        JsonObject report = tamper("delete from journal_checkpoint where tree_size >= " + newest.size() + ";\n"
                + "delete from journal_entry where seq >= " + k);
        assertThat(report.getBoolean("ok")).as(report.getString("report")).isFalse();
        assertThat(report.getJsonArray("failedChecks").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList())
                .contains("rollback");
    }

}
