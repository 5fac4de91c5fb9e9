package fr.regard.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Period;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CasePolicyTest {

    @Test
    @DisplayName("the defaults are DOMAIN.md's timelines")
    void defaults() {
        CasePolicy policy = CasePolicy.DEFAULT;
        assertThat(policy.filingWindowDays()).as("charter filing window").isEqualTo(8);
        assertThat(policy.retentionDays()).as("footage retention").isEqualTo(14);
        assertThat(policy.responseMonths()).as("GDPR art. 12(3)").isEqualTo(1);
        assertThat(policy.extensionMonths()).as("GDPR art. 12(3) extension").isEqualTo(2);
        assertThat(policy.responseReminderDays()).isEqualTo(7);
        assertThat(policy.complementDays()).isEqualTo(15);
        assertThat(policy.complementReminderDays()).isEqualTo(10);
        assertThat(policy.deliveryDays()).isEqualTo(30);
        assertThat(policy.caseDataRetention()).isEqualTo(Period.ofYears(1));
        assertThat(policy.pauseClockDuringComplement()).isTrue();
        assertThat(policy.judicialHoldReviewMonths()).as("judicial hold review").isEqualTo(6);
        assertThat(CasePolicy.builder().build()).isEqualTo(policy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            retention above one month (CSI L252-5)          | retention 32
            no retention                                    | retention 0
            an answer period other than one month           | response 2
            more than two months of extension               | extension 3
            a DPO reminder on the due date                  | reminder 0
            a DPO reminder before a February month starts   | reminder 28
            a complement period of one day                  | complement 1
            a complement reminder on its deadline           | complementReminder 15
            no delivery period                              | delivery 0
            a copy kept more than three months              | delivery 91
            no case data retention                          | caseData P0D
            a negative case data retention                  | caseData P-1Y
            a judicial hold never reviewed                  | judicialReview 0
            a judicial hold reviewed after over two years   | judicialReview 25
            """)
    @DisplayName("a policy breaking a rule is refused (the deployment stops with the rule)")
    void refused(String scenario, String change) {
        String[] parts = change.split(" ");
        UnaryOperator<CasePolicy.Builder> edit = switch (parts[0]) {
            case "retention" -> b -> b.retentionDays(Integer.parseInt(parts[1]));
            case "response" -> b -> b.responseMonths(Integer.parseInt(parts[1]));
            case "extension" -> b -> b.extensionMonths(Integer.parseInt(parts[1]));
            case "reminder" -> b -> b.responseReminderDays(Integer.parseInt(parts[1]));
            case "complement" -> b -> b.complementDays(Integer.parseInt(parts[1])).complementReminderDays(0);
            case "complementReminder" -> b -> b.complementReminderDays(Integer.parseInt(parts[1]));
            case "delivery" -> b -> b.deliveryDays(Integer.parseInt(parts[1]));
            case "caseData" -> b -> b.caseDataRetention(Period.parse(parts[1]));
            case "judicialReview" -> b -> b.judicialHoldReviewMonths(Integer.parseInt(parts[1]));
            default -> throw new IllegalArgumentException(change);
        };
        assertThatIllegalArgumentException().as(scenario).isThrownBy(() -> edit.apply(CasePolicy.builder()).build());
    }

    @Test
    @DisplayName("a city may keep the clock running during a complement, and shorten its periods within the bounds")
    void cityChoices() {
        CasePolicy policy = CasePolicy.builder().pauseClockDuringComplement(false).retentionDays(31)
                .complementDays(10).complementReminderDays(7).deliveryDays(15).caseDataRetention(Period.ofMonths(6))
                .build();
        assertThat(policy.pauseClockDuringComplement()).isFalse();
        assertThat(policy.retentionDays()).isEqualTo(31);
        assertThat(policy.caseDataRetention()).isEqualTo(Period.ofMonths(6));
    }
}
