package fr.regard.journal.format;

import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Deterministic, realistic journal entries (250 to 350 bytes: case references, staff and system actors, French
 * purposes and details) for tests and the verifier benchmark. Entry {@code seq} depends only on {@code seq}, so a
 * million entries can be generated twice without being kept.
 */
public final class SampleEntries {

    /** sequencedAt of entry 0. */
    public static final Instant START = Instant.parse("2026-11-25T08:00:00.000000Z");

    private static final String[][] ACTORS = {
        {"dpo", "DPO"}, {"operator", "OPERATOR"}, {"system", "SYSTEM"}, {"requester", "REQUESTER"},
        {"auditor", "AUDITOR"}, {"csu.chef", "SUPERVISOR"}};
    private static final String[] ACTIONS = {"CASE_RECEIVED", "IDENTITY_VERIFIED", "FOOTAGE_PRESERVED",
        "FOOTAGE_REVIEWED", "FACES_BLURRED", "ANSWER_SENT", "CASE_CLOSED", "FOOTAGE_PURGED"};
    private static final String[] PURPOSES = {
        "Droit d'accès (art. 15 RGPD)", "Gel des images avant la purge",
        "Contrôle d'identité du demandeur", "Floutage des tiers", "Réponse dans le délai légal",
        "Purge réglementaire à 14 jours"};
    private static final String[] PLACES = {
        "Gare Lille-Flandres, sortie Tournai", "Grand-Place, côté Furet", "Rue Faidherbe",
        "Parvis de l'hôtel de ville", "Métro Rihour, quai 2"};

    private SampleEntries() {
    }

    public static JournalEntry entry(long seq) {
        SplittableRandom random = new SplittableRandom(seq * 0x9E3779B97F4A7C15L + 17);
        Instant sequencedAt = START.plusNanos(seq * 1_234_567_000L);
        Instant recordedAt = sequencedAt.minusNanos(random.nextLong(90_000_000) * 1_000L);
        String[] actor = ACTORS[random.nextInt(ACTORS.length)];
        String action = ACTIONS[random.nextInt(ACTIONS.length)];
        String reference = String.format("DA-2026-%06d", 1 + seq / 7);
        Map<String, String> object = new TreeMap<>(Map.of("type", "case", "id", reference));
        Map<String, String> details = new TreeMap<>();
        details.put("camera", String.format("CAM-LIL-%04d", random.nextInt(400)));
        details.put("place", PLACES[random.nextInt(PLACES.length)]);
        return new JournalEntry(seq, recordedAt, sequencedAt, actor[0], actor[1], action, object,
                PURPOSES[random.nextInt(PURPOSES.length)], details);
    }
}
