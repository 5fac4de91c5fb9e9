package fr.regard.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the application's delegates (docs/workflow.md, "Delegate contract"), registered under the names
 * the BPMN uses. Each one records its call (name, engine time) and plays the contract on the process variables
 * with the dates of {@link TestPolicy}; a test replaces one behaviour with {@link #when}.
 */
final class DelegateStandIns {

    /** Every delegate name used by access-request, verify-destruction, footage-purge and journal-export. */
    static final List<String> NAMES = List.of(
            "placeFootageHold", "sendAcknowledgement", "requestComplement", "remindComplement",
            "closeForMissingComplement", "pauseResponseClock", "resumeResponseClock", "produceExtract",
            "issueDecisionLetter", "publishDeliveryLink", "destroyExtract", "closeCase", "purgePersonalData",
            "remindResponseDue", "escalateOverdue", "grantExtension", "recordRefusedExtension",
            "sendExtensionNotice", "releaseHolds", "acknowledgeWithdrawal", "checkDestruction",
            "issueDestructionAttestation", "issueJudicialHoldLetter",
            "openPurgeBatch", "destroyExpiredSegments", "closePurgeBatch", "issuePurgeCertificate",
            "issueDailyJournalExport");

    record Call(String name, Instant at) {
    }

    @FunctionalInterface
    interface Behaviour {
        void play(DelegateExecution execution);
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Behaviour> behaviours = new HashMap<>();
    /** What the application keeps on the case while the response clock is paused: the time that was left. */
    private Duration timeLeftAtPause;
    /** GDPR art. 12(3): an extension must be decided before the first month ends (set by the scenario). */
    private Instant firstMonthEnds = Instant.MAX;

    private DelegateStandIns() {
        when("requestComplement", execution -> {
            Instant now = now();
            execution.setVariable("complementReminderAt", Date.from(now.plus(TestPolicy.COMPLEMENT_REMINDER)));
            execution.setVariable("complementDeadline", Date.from(now.plus(TestPolicy.COMPLEMENT_PERIOD)));
        });
        when("pauseResponseClock", execution -> {
            // While paused, the answer is due at the latest when the complement period ends plus the time left.
            timeLeftAtPause = Duration.between(now(), instant(execution, "responseDue"));
            setResponseDue(execution, instant(execution, "complementDeadline").plus(timeLeftAtPause));
        });
        when("resumeResponseClock", execution -> setResponseDue(execution, now().plus(timeLeftAtPause)));
        when("publishDeliveryLink", execution ->
                execution.setVariable("deliveryExpiresAt", Date.from(now().plus(TestPolicy.DELIVERY))));
        when("closeCase", execution ->
                execution.setVariable("personalDataPurgeAt", Date.from(TestPolicy.purgeAfter(now()))));
        when("grantExtension", execution -> {
            // The application knows the receipt date of the case; the stand-in is told it by the scenario.
            if (now().isAfter(firstMonthEnds)) {
                throw new BpmnError("EXTENSION_TOO_LATE", "the first month ended on " + firstMonthEnds);
            }
            setResponseDue(execution, TestPolicy.extended(instant(execution, "responseDue")));
        });
        when("checkDestruction", execution -> execution.setVariable("destructionStatus", "DESTROYED"));
    }

    /** Registers a stand-in for every delegate name (Mocks is per thread; reset after each test). */
    static DelegateStandIns register() {
        DelegateStandIns standIns = new DelegateStandIns();
        for (String name : NAMES) {
            Mocks.register(name, (JavaDelegate) execution -> {
                standIns.calls.add(new Call(name, now()));
                Behaviour behaviour = standIns.behaviours.get(name);
                if (behaviour != null) {
                    behaviour.play(execution);
                }
            });
        }
        return standIns;
    }

    DelegateStandIns when(String name, Behaviour behaviour) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no such delegate in the processes: " + name);
        }
        behaviours.put(name, behaviour);
        return this;
    }

    /** The end of the first month after receipt of the case under test. */
    void firstMonthEnds(Instant instant) {
        this.firstMonthEnds = instant;
    }

    /** The delegate names in call order. */
    List<String> called() {
        return calls.stream().map(Call::name).toList();
    }

    /** The engine times at which the named delegate ran, in order. */
    List<Instant> timesOf(String name) {
        return calls.stream().filter(call -> call.name().equals(name)).map(Call::at).toList();
    }

    void forget() {
        calls.clear();
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static Instant instant(DelegateExecution execution, String variable) {
        return ((Date) execution.getVariable(variable)).toInstant();
    }

    /** Moves the due date and its reminder together, as the application does (docs/workflow.md). */
    static void setResponseDue(DelegateExecution execution, Instant responseDue) {
        execution.setVariable("responseDue", Date.from(responseDue));
        execution.setVariable("responseReminderAt", Date.from(TestPolicy.reminderBefore(responseDue)));
    }
}
