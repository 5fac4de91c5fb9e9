package fr.regard.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import fr.regard.mail.content.MailLimits;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings shared by the mail reader and the outbox (docs/mail.md, docs/operations.md "Mail"). The servers, ports,
 * accounts and TLS are the mail session's ({@code java:jboss/mail/Regard}, configure-regard.cli), not here.
 */
@ApplicationScoped
public class MailSettings {

    /** JNDI name of the one mail session (IMAP reader and SMTP sender). */
    public static final String SESSION = "java:jboss/mail/Regard";

    @Inject
    @ConfigProperty(name = "regard.mail.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "regard.mail.poll-seconds", defaultValue = "30")
    int pollSeconds;

    @Inject
    Config config;

    /** The parser's bounds, {@code regard.mail.limits.*} (docs/mail.md "Limits and configuration keys"). */
    public MailLimits limits() {
        MailLimits d = MailLimits.defaults();
        Function<String, java.util.Optional<Long>> value = key -> config.getOptionalValue(key, Long.class);
        return new MailLimits(
                value.apply(MailLimits.KEY_MAX_MESSAGE_BYTES).orElse(d.maxMessageBytes()),
                value.apply(MailLimits.KEY_MAX_ATTACHMENT_BYTES).orElse(d.maxAttachmentBytes()),
                value.apply(MailLimits.KEY_MAX_ATTACHMENTS).map(Long::intValue).orElse(d.maxAttachments()),
                value.apply(MailLimits.KEY_MAX_TEXT_CHARS).map(Long::intValue).orElse(d.maxTextChars()),
                value.apply(MailLimits.KEY_MAX_ARCHIVE_ENTRIES).map(Long::intValue).orElse(d.maxArchiveEntries()),
                value.apply(MailLimits.KEY_MAX_ARCHIVE_EXPANSION_RATIO).map(Long::intValue)
                        .orElse(d.maxArchiveExpansionRatio()),
                value.apply(MailLimits.KEY_MAX_ARCHIVE_TOTAL_UNCOMPRESSED).orElse(d.maxArchiveTotalUncompressed()),
                value.apply(MailLimits.KEY_MAX_NESTING_DEPTH).map(Long::intValue).orElse(d.maxNestingDepth()));
    }

    /** False: the mailbox is not read and nothing is sent (the outbox only queues); nothing is lost. */
    public boolean enabled() {
        return enabled;
    }

    /** Time between two reads of the mailbox when the server has no IDLE, and the first retry after an error. */
    public Duration pollInterval() {
        if (pollSeconds < 1 || pollSeconds > 3600) {
            throw new IllegalArgumentException("regard.mail.poll-seconds is between 1 and 3600: " + pollSeconds);
        }
        return Duration.ofSeconds(pollSeconds);
    }
}
