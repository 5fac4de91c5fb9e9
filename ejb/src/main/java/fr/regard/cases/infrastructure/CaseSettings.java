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

    @Produces
    @Singleton
    CasePolicy policy() {
        return new CasePolicy(filingWindowDays, retentionDays, responseMonths, extensionMonths);
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
