package fr.regard.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.regard.calendar.domain.LegalCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules the case guards, as scenarios from DOMAIN.md "What a case goes through". */
class AccessCaseTest {

    private static final CaseClock CLOCK = new CaseClock(CasePolicy.DEFAULT, new LegalCalendar());
    /** Facts on Friday 20 November 2026, request received Wednesday 25 November: answer due Monday 28 December. */
    private static final Instant RECEIVED = at("2026-11-25T10:00:00+01:00");
    private static final Instant DUE = at("2026-12-28T23:59:59+01:00");

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    static AccessCase received(RequestKind kind, Instant receivedAt) {
        Facts facts = new Facts(at("2026-11-20T14:30:00+01:00"), at("2026-11-20T15:00:00+01:00"),
                "Rue Nationale, Lille", "bousculée");
        return new AccessCase(CaseReference.of(kind, 2026, 42), kind, IntakeChannel.WEB,
                new Requester("Camille", "Durand", "camille@example.org"), facts, receivedAt,
                CLOCK.deadlinesFor(facts, receivedAt), "0".repeat(64));
    }

    static AccessCase received() {
        return received(RequestKind.ACCESS, RECEIVED);
    }

    static Qualification qualification(RecordRegime regime, boolean identityDoubt, boolean precise) {
        return new Qualification(regime, identityDoubt, precise, identityDoubt || !precise ? "pièce d'identité" : null,
                "dpo", RECEIVED.plusSeconds(3600));
    }

    /** A case qualified, searched (found) and extracted with the given masking, awaiting the decision. */
    static AccessCase awaitingDecision(RecordRegime regime, Masking masking) {
        AccessCase c = received();
        c.qualify(qualification(regime, false, true), true);
        c.recordSearch(new FootageSearch(SearchOutcome.FOUND, "CAM-042", null, null, "operator", RECEIVED));
        c.recordExtraction(new Extraction("CAM-042", at("2026-11-20T14:30:00+01:00"), at("2026-11-20T14:40:00+01:00"),
                masking, null, "operator", RECEIVED));
        return c;
    }

    @Nested
    @DisplayName("charter window")
    class CharterWindow {
        @Test
        @DisplayName("filed on the last day of the window (Monday 30 Nov, end of day): inside")
        void inside() {
            assertThat(received(RequestKind.ACCESS, at("2026-11-30T23:00:00+01:00")).withinCharterWindow()).isTrue();
        }

        @Test
        @DisplayName("filed the day after: 'hors délai charte', still handled; the DPO may correct it (postmark)")
        void outside() {
            AccessCase late = received(RequestKind.ACCESS, at("2026-12-01T00:00:01+01:00"));
            assertThat(late.withinCharterWindow()).isFalse();
            assertThat(late.status()).isEqualTo(CaseStatus.AWAITING_QUALIFICATION);
            late.qualify(qualification(RecordRegime.GDPR_ART15, false, true), true);
            assertThat(late.withinCharterWindow()).isTrue();
        }
    }

    @Nested
    @DisplayName("qualification and complement")
    class QualificationAndComplement {
        @Test
        @DisplayName("a precise request without identity doubt goes to the footage search, a verification to the check")
        void noComplement() {
            AccessCase access = received();
            access.qualify(qualification(RecordRegime.GDPR_ART15, false, true), true);
            assertThat(access.status()).isEqualTo(CaseStatus.SEARCHING_FOOTAGE);
            assertThat(access.qualification().regime()).isEqualTo(RecordRegime.GDPR_ART15);
            AccessCase verification = received(RequestKind.VERIFY_DESTRUCTION, RECEIVED);
            verification.qualify(qualification(RecordRegime.GDPR_ART15, false, true), true);
            assertThat(verification.status()).isEqualTo(CaseStatus.CHECKING_DESTRUCTION);
        }

        @Test
        @DisplayName("a complement must say what is missing (décret 2019-536)")
        void complementSaysWhat() {
            assertThatIllegalArgumentException().isThrownBy(() -> new Qualification(RecordRegime.GDPR_ART15, true,
                    true, " ", "dpo", RECEIVED));
        }

        @Test
        @DisplayName("the clock stops during a complement and resumes with the days that were left")
        void pauseAndResume() {
            AccessCase c = received();
            c.qualify(qualification(RecordRegime.GDPR_ART15, true, true), true);
            assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_COMPLEMENT);
            ComplementDates dates = CLOCK.complementFrom(RECEIVED);
            c.requestComplement(dates);
            ResponseDates paused = c.pauseClock(RECEIVED, CLOCK);
            assertThat(c.isClockPaused()).isTrue();
            assertThat(c.daysLeftAtPause()).isEqualTo(33);
            assertThat(paused.responseDue()).isEqualTo(at("2027-01-12T23:59:59+01:00"));
            assertThat(c.deadlines().responseDue()).isEqualTo(paused.responseDue());
            assertThatThrownBy(() -> c.pauseClock(RECEIVED, CLOCK)).isInstanceOf(CaseStateException.class);

            c.receiveComplement();
            assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_QUALIFICATION);
            ResponseDates resumed = c.resumeClock(at("2026-12-01T09:00:00+01:00"), CLOCK);
            assertThat(resumed.responseDue()).isEqualTo(at("2027-01-04T23:59:59+01:00"));
            assertThat(c.isClockPaused()).isFalse();
            assertThatThrownBy(() -> c.resumeClock(RECEIVED, CLOCK)).isInstanceOf(CaseStateException.class);
        }

        @Test
        @DisplayName("no complement in time: closed, personal data purged a year later")
        void missingComplement() {
            AccessCase c = received();
            c.qualify(qualification(RecordRegime.GDPR_ART15, false, false), true);
            c.requestComplement(CLOCK.complementFrom(RECEIVED));
            c.pauseClock(RECEIVED, CLOCK);
            Instant purgeAt = c.closeForMissingComplement(at("2026-12-11T00:00:10+01:00"), CLOCK);
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(c.closureReason()).isEqualTo(ClosureReason.MISSING_COMPLEMENT);
            assertThat(c.isClockPaused()).isFalse();
            assertThat(purgeAt).isEqualTo(at("2027-12-11T23:59:59+01:00"));
        }
    }

    @Nested
    @DisplayName("extension (GDPR art. 12(3))")
    class ExtensionRules {
        @Test
        @DisplayName("asked with reasons inside the first month: +2 months, once")
        void once() {
            AccessCase c = received();
            c.requestExtension("Quatorze caméras à examiner", "dpo", RECEIVED.plus(Duration.ofDays(10)));
            ResponseDates extended = c.grantExtension(RECEIVED.plus(Duration.ofDays(10)), CLOCK);
            assertThat(extended.responseDue()).isEqualTo(at("2027-03-01T23:59:59+01:00"));
            assertThat(c.extension().dueBefore()).isEqualTo(DUE);
            assertThat(c.extension().reasons()).isEqualTo("Quatorze caméras à examiner");
            assertThatThrownBy(() -> c.requestExtension("encore", "dpo", RECEIVED.plus(Duration.ofDays(11))))
                    .isInstanceOf(CaseStateException.class)
                    .extracting(e -> ((CaseStateException) e).code()).isEqualTo("already-extended");
        }

        @Test
        @DisplayName("on the last second of the first month it is still possible")
        void lastSecond() {
            AccessCase c = received();
            c.requestExtension("Motifs", "dpo", DUE);
            assertThat(c.grantExtension(DUE, CLOCK).responseDue()).isAfter(DUE);
        }

        @Test
        @DisplayName("after the first month: refused, the case keeps its deadline and the request is dropped")
        void tooLate() {
            AccessCase c = received();
            Instant late = DUE.plusSeconds(1);
            c.requestExtension("Motifs", "dpo", late);
            assertThatThrownBy(() -> c.grantExtension(late, CLOCK)).isInstanceOf(ExtensionTooLateException.class);
            c.dropExtensionRequest();
            assertThat(c.deadlines().responseDue()).isEqualTo(DUE);
            assertThat(c.extension()).isNull();
        }

        @Test
        @DisplayName("without reasons, after the decision, or while the clock is paused: refused")
        void refused() {
            assertThatIllegalArgumentException().isThrownBy(() -> received().requestExtension(" ", "dpo", RECEIVED));
            AccessCase decided = awaitingDecision(RecordRegime.GDPR_ART15, Masking.APPLIED);
            decided.decide(new Decision(DecisionKind.GRANT_COPY, null, null, null, "dpo", RECEIVED), Set.of(), RECEIVED);
            assertThatThrownBy(() -> decided.requestExtension("Motifs", "dpo", RECEIVED))
                    .isInstanceOf(CaseStateException.class)
                    .extracting(e -> ((CaseStateException) e).code()).isEqualTo("already-answered");
            AccessCase paused = received();
            paused.qualify(qualification(RecordRegime.GDPR_ART15, true, true), true);
            paused.requestComplement(CLOCK.complementFrom(RECEIVED));
            paused.pauseClock(RECEIVED, CLOCK);
            assertThatThrownBy(() -> paused.requestExtension("Motifs", "dpo", RECEIVED))
                    .isInstanceOf(CaseStateException.class)
                    .extracting(e -> ((CaseStateException) e).code()).isEqualTo("clock-paused");
        }
    }

    @Nested
    @DisplayName("decision")
    class DecisionRules {
        private final Instant now = RECEIVED.plus(Duration.ofDays(5));

        @Test
        @DisplayName("a refusal or a partial answer cites catalogue grounds of the case's regime; other answers none")
        void grounds() {
            AccessCase gdpr = awaitingDecision(RecordRegime.GDPR_ART15, Masking.APPLIED);
            assertThat(fields(gdpr.checkDecision(DecisionKind.REFUSAL, Set.of(), null, now))).containsExactly("grounds");
            assertThat(fields(gdpr.checkDecision(DecisionKind.PARTIAL, Set.of(), null, now))).containsExactly("grounds");
            assertThat(fields(gdpr.checkDecision(DecisionKind.REFUSAL, Set.of(RefusalGround.PUBLIC_SECURITY), null, now)))
                    .containsExactly("grounds");
            assertThat(gdpr.checkDecision(DecisionKind.REFUSAL, Set.of(RefusalGround.MANIFESTLY_EXCESSIVE), null, now))
                    .isEmpty();
            assertThat(fields(gdpr.checkDecision(DecisionKind.GRANT_COPY, Set.of(RefusalGround.RIGHTS_OF_OTHERS), null,
                    now))).containsExactly("grounds");
            AccessCase titreIII = awaitingDecision(RecordRegime.LIL_TITRE_III, Masking.APPLIED);
            assertThat(titreIII.checkDecision(DecisionKind.REFUSAL, Set.of(RefusalGround.OBSTRUCT_INQUIRIES,
                    RefusalGround.PUBLIC_SECURITY), null, now)).isEmpty();
            titreIII.decide(new Decision(DecisionKind.REFUSAL, "enquête en cours", null, null, "dpo", now),
                    List.of(RefusalGround.PUBLIC_SECURITY, RefusalGround.OBSTRUCT_INQUIRIES), now);
            assertThat(titreIII.refusalGrounds()).containsExactly(RefusalGround.OBSTRUCT_INQUIRIES,
                    RefusalGround.PUBLIC_SECURITY);
            assertThat(titreIII.status()).isEqualTo(CaseStatus.DECIDED);
        }

        @Test
        @DisplayName("footage is communicated only from an extract whose third parties could be masked (GDPR art. 15(4))")
        void masking() {
            AccessCase unmaskable = awaitingDecision(RecordRegime.GDPR_ART15, Masking.IMPOSSIBLE);
            assertThat(fields(unmaskable.checkDecision(DecisionKind.GRANT_COPY, Set.of(), null, now)))
                    .containsExactly("decision");
            assertThat(fields(unmaskable.checkDecision(DecisionKind.GRANT_VIEWING, Set.of(), now.plusSeconds(86400), now)))
                    .containsExactly("decision");
            assertThat(unmaskable.checkDecision(DecisionKind.PARTIAL, Set.of(RefusalGround.RIGHTS_OF_OTHERS), null, now))
                    .isEmpty();
            AccessCase nothingFound = received();
            nothingFound.qualify(qualification(RecordRegime.GDPR_ART15, false, true), true);
            nothingFound.recordSearch(new FootageSearch(SearchOutcome.NOT_FOUND, null, null, null, "operator", now));
            assertThat(nothingFound.status()).isEqualTo(CaseStatus.AWAITING_DECISION);
            assertThat(fields(nothingFound.checkDecision(DecisionKind.GRANT_COPY, Set.of(), null, now)))
                    .containsExactly("decision");
            assertThat(nothingFound.checkDecision(DecisionKind.NO_DATA, Set.of(), null, now)).isEmpty();
        }

        @Test
        @DisplayName("an on-site viewing needs an appointment in the future; other answers none")
        void viewing() {
            AccessCase c = awaitingDecision(RecordRegime.GDPR_ART15, Masking.APPLIED);
            assertThat(fields(c.checkDecision(DecisionKind.GRANT_VIEWING, Set.of(), null, now))).containsExactly("viewing.at");
            assertThat(fields(c.checkDecision(DecisionKind.GRANT_VIEWING, Set.of(), now.minusSeconds(1), now)))
                    .containsExactly("viewing.at");
            assertThat(fields(c.checkDecision(DecisionKind.GRANT_COPY, Set.of(), now.plusSeconds(3600), now)))
                    .containsExactly("viewing.at");
            c.decide(new Decision(DecisionKind.GRANT_VIEWING, null, now.plusSeconds(86400), "CSU", "dpo", now), Set.of(), now);
            assertThat(c.status()).isEqualTo(CaseStatus.VIEWING_SCHEDULED);
            c.recordViewing(ViewingOutcome.HELD);
            assertThat(c.decision().viewingOutcome()).isEqualTo(ViewingOutcome.HELD);
            c.close(now.plusSeconds(90000), CLOCK);
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        }

        @Test
        @DisplayName("a decision breaking a rule changes nothing; a step out of order is refused")
        void nothingHalfDone() {
            AccessCase c = awaitingDecision(RecordRegime.GDPR_ART15, Masking.APPLIED);
            assertThatIllegalArgumentException().isThrownBy(() -> c.decide(
                    new Decision(DecisionKind.REFUSAL, null, null, null, "dpo", now), Set.of(), now));
            assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_DECISION);
            assertThat(c.decision()).isNull();
            assertThatThrownBy(() -> c.recordSearch(new FootageSearch(SearchOutcome.NOT_FOUND, null, null, null, "op", now)))
                    .isInstanceOf(CaseStateException.class).hasMessageContaining("Décision à prendre");
            assertThatThrownBy(() -> c.close(now, CLOCK)).isInstanceOf(CaseStateException.class);
        }
    }

    @Nested
    @DisplayName("delivery, closure, withdrawal, purge")
    class Ending {
        @Test
        @DisplayName("a copy is available 30 days, then the case closes and is purged after a year")
        void copyThenClosure() {
            AccessCase c = awaitingDecision(RecordRegime.GDPR_ART15, Masking.APPLIED);
            c.decide(new Decision(DecisionKind.GRANT_COPY, null, null, null, "dpo", RECEIVED), Set.of(), RECEIVED);
            Instant expires = c.publishDelivery(at("2026-11-26T10:00:00+01:00"), CLOCK);
            assertThat(expires).isEqualTo(at("2026-12-26T23:59:59+01:00"));
            assertThat(c.status()).isEqualTo(CaseStatus.MADE_AVAILABLE);
            assertThat(c.status().label()).isEqualTo("Mise à disposition");
            Instant closedAt = at("2026-12-27T00:00:05+01:00");
            assertThat(c.close(closedAt, CLOCK)).isEqualTo(at("2027-12-27T23:59:59+01:00"));
            assertThat(c.closureReason()).isEqualTo(ClosureReason.ANSWERED);
            c.purgePersonalData(at("2027-12-28T00:00:00+01:00"));
            assertThat(c.requester().lastName()).isEqualTo(AccessCase.PURGED);
            assertThat(c.requester().email()).isNull();
            assertThat(c.facts().description()).isNull();
            assertThat(c.facts().start()).as("the window stays, for statistics").isNotNull();
            assertThat(c.personalDataPurgedAt()).isNotNull();
        }

        @Test
        @DisplayName("the requester may withdraw until closure, not after; an open case cannot be purged")
        void withdrawal() {
            AccessCase c = received();
            assertThatThrownBy(() -> c.purgePersonalData(RECEIVED)).isInstanceOf(CaseStateException.class);
            Instant purgeAt = c.withdraw(RECEIVED.plusSeconds(60), CLOCK);
            assertThat(c.status()).isEqualTo(CaseStatus.WITHDRAWN);
            assertThat(c.status().label()).isEqualTo("Retirée");
            assertThat(purgeAt).isEqualTo(at("2026-11-25T23:59:59+01:00").atZone(LegalCalendar.PARIS).plusYears(1)
                    .toInstant());
            assertThatThrownBy(() -> c.withdraw(RECEIVED.plusSeconds(120), CLOCK))
                    .isInstanceOf(CaseStateException.class).hasMessageContaining("déjà été retirée");

            AccessCase closed = awaitingDecision(RecordRegime.GDPR_ART15, Masking.APPLIED);
            closed.decide(new Decision(DecisionKind.NO_DATA, null, null, null, "dpo", RECEIVED), Set.of(), RECEIVED);
            closed.close(RECEIVED, CLOCK);
            assertThatThrownBy(() -> closed.withdraw(RECEIVED, CLOCK))
                    .isInstanceOf(CaseStateException.class)
                    .extracting(e -> ((CaseStateException) e).code()).isEqualTo("case-closed");
        }

        @Test
        @DisplayName("a verification request: pending until the retention date, then decided and closed")
        void verification() {
            AccessCase c = received(RequestKind.VERIFY_DESTRUCTION, RECEIVED);
            c.qualify(qualification(RecordRegime.GDPR_ART15, false, true), true);
            Instant destroyedBy = CLOCK.footageDestroyedBy(c.facts());
            c.recordDestructionFinding(DestructionFinding.PENDING, destroyedBy);
            assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_DESTRUCTION);
            assertThat(c.destructionDueAt()).isEqualTo(destroyedBy);
            c.recordDestructionFinding(DestructionFinding.DESTROYED, null);
            assertThat(c.status()).isEqualTo(CaseStatus.DECIDED);
            c.close(destroyedBy, CLOCK);
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        }
    }

    private static List<String> fields(List<RuleViolation> violations) {
        return violations.stream().map(RuleViolation::field).toList();
    }

    @Nested
    class ProvisionalFacts {

        @Test
        void anEmailCaseHoldsTheWholeRetentionUntilTheDpoStatesTheFacts() {
            Instant received = at("2026-03-10T09:00:00+01:00");
            Facts provisional = CLOCK.provisionalFacts(received, "filmée le 3 mars vers 14h30");
            assertThat(provisional.start()).isEqualTo(at("2026-02-24T09:00:00+01:00"));
            assertThat(provisional.end()).isEqualTo(received);
            assertThat(provisional.place()).isEqualTo(Facts.TO_CONFIRM);
            AccessCase c = new AccessCase(CaseReference.of(RequestKind.ACCESS, 2026, 43), RequestKind.ACCESS,
                    IntakeChannel.EMAIL, new Requester("Camille", "Durand", "camille@example.org"), provisional,
                    received, CLOCK.deadlinesFor(provisional, received), "1".repeat(64));
            c.markFactsToConfirm();
            assertThat(c.factsConfirmed()).isFalse();
            Instant responseDue = c.deadlines().responseDue();

            Facts stated = new Facts(at("2026-03-03T14:15:00+01:00"), at("2026-03-03T14:45:00+01:00"),
                    "Rue Nationale", null);
            c.confirmFacts(stated, CLOCK);
            assertThat(c.factsConfirmed()).isTrue();
            assertThat(c.facts().place()).isEqualTo("Rue Nationale");
            assertThat(c.deadlines().charterWindowEnd()).isEqualTo(CLOCK.charterWindowEnd(stated));
            assertThat(c.deadlines().preservationDeadline()).isEqualTo(at("2026-03-17T14:15:00+01:00"));
            assertThat(c.deadlines().responseDue()).as("counted from the receipt").isEqualTo(responseDue);
            assertThat(c.withinCharterWindow()).as("received 7 days after the facts").isTrue();

            c.qualify(qualification(RecordRegime.GDPR_ART15, false, true), true);
            assertThatThrownBy(() -> c.confirmFacts(stated, CLOCK)).isInstanceOf(CaseStateException.class);
        }
    }
}
