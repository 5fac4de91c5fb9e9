package fr.regard.cases.infrastructure;

import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.cases.domain.CaseClock;
import fr.regard.cases.domain.CasePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the case policy from the configuration (MicroProfile Config: system property {@code regard.policy.*}
 * or environment {@code REGARD_POLICY_*}); an invalid value stops the deployment with the rule it breaks.
 * Immutable values: produced once ({@code @Singleton}, no proxy).
 */
@ApplicationScoped
public class CaseSettings {

    @Inject
    @ConfigProperty(name = "regard.policy.filing-window-days", defaultValue = "8")
    int filingWindowDays;

    @Inject
    @ConfigProperty(name = "regard.policy.retention-days", defaultValue = "14")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "regard.policy.response-months", defaultValue = "1")
    int responseMonths;

    @Inject
    @ConfigProperty(name = "regard.policy.extension-months", defaultValue = "2")
    int extensionMonths;

    @Inject
    @ConfigProperty(name = "regard.policy.response-reminder-days", defaultValue = "7")
    int responseReminderDays;

    @Inject
    @ConfigProperty(name = "regard.policy.complement-days", defaultValue = "15")
    int complementDays;

    @Inject
    @ConfigProperty(name = "regard.policy.complement-reminder-days", defaultValue = "10")
    int complementReminderDays;

    @Inject
    @ConfigProperty(name = "regard.policy.delivery-days", defaultValue = "30")
    int deliveryDays;

    @Inject
    @ConfigProperty(name = "regard.policy.case-data-retention", defaultValue = "P1Y")
    String caseDataRetention;

    @Inject
    @ConfigProperty(name = "regard.policy.pause-clock-during-complement", defaultValue = "true")
    boolean pauseClockDuringComplement;

    @Inject
    @ConfigProperty(name = "regard.policy.judicial-hold-review-months", defaultValue = "6")
    int judicialHoldReviewMonths;

    @Produces
    @Singleton
    CasePolicy policy() {
        Period retention;
        try {
            retention = Period.parse(caseDataRetention.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("regard.policy.case-data-retention must be an ISO-8601 period such as "
                    + "P1Y or P6M: " + caseDataRetention, e);
        }
        return new CasePolicy(filingWindowDays, retentionDays, responseMonths, extensionMonths, responseReminderDays,
                complementDays, complementReminderDays, deliveryDays, retention, pauseClockDuringComplement,
                judicialHoldReviewMonths);
    }

    /** Reads the policy at start so that a wrong setting stops the deployment instead of the first intake. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started, CasePolicy policy) {
        // resolving the policy is the check
    }

    @Produces
    @Singleton
    LegalCalendar legalCalendar() {
        return new LegalCalendar();
    }

    @Produces
    @Singleton
    CaseClock caseClock(CasePolicy policy, LegalCalendar calendar) {
        return new CaseClock(policy, calendar);
    }
}
