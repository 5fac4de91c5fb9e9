package fr.regard.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
