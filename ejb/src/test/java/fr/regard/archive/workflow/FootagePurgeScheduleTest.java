package fr.regard.archive.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import fr.regard.archive.infrastructure.PurgeConfiguration;
import fr.regard.archive.infrastructure.PurgeSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The daily purge runs at the configured Paris time whatever the server's zone, across daylight saving changes. */
class FootagePurgeScheduleTest {

    private static FootagePurgeSchedule at(String now, String time, String retry) {
        FootagePurgeSchedule schedule = new FootagePurgeSchedule();
        schedule.clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        schedule.configuration = new PurgeConfiguration() {
            @Override
            public LocalTime time() {
                return LocalTime.parse(time);
            }

            @Override
            public String retryCycle() {
                return retry;
            }
        };
        return schedule;
    }

    @ParameterizedTest(name = "at {0} in {2}: {3}")
    @CsvSource({
            // winter (CET, UTC+1): 03:00 Paris is 02:00 UTC, today when not yet passed
            "2026-11-20T01:00:00Z, 03:00, UTC, 0 0 2 * * ?",
            "2026-11-20T12:00:00Z, 03:00, UTC, 0 0 2 * * ?",
            // the night of the spring change (29 March 2026): 03:00 CEST is 01:00 UTC
            "2026-03-28T12:00:00Z, 03:00, UTC, 0 0 1 * * ?",
            // the autumn change (25 October 2026): back to 02:00 UTC
            "2026-10-24T12:00:00Z, 03:00, UTC, 0 0 2 * * ?",
            // a server already on Paris time gets the setting as written
            "2026-03-28T12:00:00Z, 03:00, Europe/Paris, 0 0 3 * * ?",
            "2026-07-01T12:00:00Z, 04:30, Europe/Paris, 0 30 4 * * ?",
            "2026-07-01T12:00:00Z, 04:30, UTC, 0 30 2 * * ?"})
    @DisplayName("the cron of the next run, in the JVM's zone")
    void cronOfNextRun(String now, String time, String zone, String cron) {
        assertThat(at(now, time, "R3/PT5M").cronOfNextRun(ZoneId.of(zone))).isEqualTo(cron);
    }

    @Test
    @DisplayName("the retry cycle comes from the settings")
    void retryCycle() {
        assertThat(at("2026-11-20T12:00:00Z", "03:00", "R5/PT10M").getRetryCycle()).isEqualTo("R5/PT10M");
    }

    @Test
    @DisplayName("purge settings out of bounds are refused with their name")
    void settingsChecked() {
        Duration minute = Duration.ofMinutes(1);
        Duration quarter = Duration.ofMinutes(15);
        assertThatIllegalArgumentException().isThrownBy(() -> new PurgeSettings(0, quarter, minute, Duration.ZERO))
                .withMessageContaining("regard.archive.purge.chunk-size");
        assertThatIllegalArgumentException().isThrownBy(() -> new PurgeSettings(1000, quarter, quarter, Duration.ZERO))
                .withMessageContaining("regard.archive.purge.slice");
        assertThatIllegalArgumentException().isThrownBy(() -> new PurgeSettings(1000, Duration.ofSeconds(5), minute,
                Duration.ZERO)).withMessageContaining("regard.archive.purge.lease");
    }
}
