package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.FootageRetention;
import fr.regard.archive.domain.PurgeTrigger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The purge as a plain JVM runs it, for {@link PurgeKillTest} to kill with SIGKILL: the same protocol classes on an
 * H2 file database and a filesystem archive. Arguments: JDBC URL, archive root, chunk size, pause after each
 * deletion in microseconds, owner. Prints {@code deleted N} after the N-th file deletion, for the test to kill
 * it at a chosen point.
 */
public final class PurgeChild {

    private PurgeChild() {
    }

    public static void main(String[] args) {
        String url = args[0];
        Path root = Path.of(args[1]);
        int chunk = Integer.parseInt(args[2]);
        Duration throttle = Duration.ofNanos(Long.parseLong(args[3]) * 1000);
        String owner = args[4];
        Clock clock = Clock.systemUTC();
        PurgeSettings settings = new PurgeSettings(chunk, Duration.ofMinutes(15), Duration.ofMinutes(5), throttle);
        CountingArchive archive = new CountingArchive(
                new FilesystemRecordingArchive(root, entry -> { }),
                count -> {
                    System.out.println("deleted " + count);
                    System.out.flush();
                });
        PurgeProtocol protocol = new PurgeProtocol(new PlainTransactions(PurgeFixture.dataSource(url)), archive,
                PurgeFixture.plainJournal(clock), clock, settings);
        System.out.println("purging as " + owner);
        PurgeProtocol.Closed closed = protocol.run(PurgeTrigger.SCHEDULE, "system", owner, new FootageRetention(14));
        System.out.println("finished " + closed);
    }
}
