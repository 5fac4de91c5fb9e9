package fr.regard.mail.outbox;

import fr.regard.documents.infrastructure.ControllerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the outbox (docs/mail.md "Outbox", docs/operations.md). A bad value stops the deployment. */
@ApplicationScoped
public class OutboxSettings {

    /** The server's mail session (ear/src/main/wildfly/configure-regard.cli). */
    public static final String SESSION = "java:jboss/mail/Regard";

    @Inject
    @ConfigProperty(name = "regard.mail.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "regard.mail.outbox.poll-seconds", defaultValue = "30")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "regard.mail.outbox.max-age", defaultValue = "P3D")
    String maxAge;

    @Inject
    @ConfigProperty(name = "regard.mail.outbox.retry-first", defaultValue = "PT1M")
    String retryFirst;

    @Inject
    @ConfigProperty(name = "regard.mail.outbox.retry-max", defaultValue = "PT1H")
    String retryMax;

    @Inject
    @ConfigProperty(name = "regard.mail.outbox.lease", defaultValue = "PT5M")
    String lease;

    @Inject
    @ConfigProperty(name = "regard.mail.message-id-domain")
    Optional<String> messageIdDomain;

    @Inject
    @ConfigProperty(name = ControllerSettings.PREFIX + "dpo-email", defaultValue = "protectiondesdonnees@mairie-lille.fr")
    String dpoEmail;

    @Inject
    @ConfigProperty(name = ControllerSettings.PREFIX + "name", defaultValue = "Ville de Lille")
    String controllerName;

    /** false ({@code regard.mail.enabled}): nothing is sent, mails just wait in the queue. */
    public boolean enabled() {
        return enabled;
    }

    public int pollSeconds() {
        if (pollSeconds < 1 || pollSeconds > 3600) {
            throw new IllegalArgumentException("regard.mail.outbox.poll-seconds is 1 to 3600: " + pollSeconds);
        }
        return pollSeconds;
    }

    /** A mail not sent within this age of its queueing is given up (FAILED, flagged to the DPO). */
    public Duration maxAge() {
        return duration("regard.mail.outbox.max-age", maxAge);
    }

    public Backoff backoff() {
        return new Backoff(duration("regard.mail.outbox.retry-first", retryFirst),
                duration("regard.mail.outbox.retry-max", retryMax), 0.2);
    }

    /** How long a node keeps a mail it is sending; after it, another node may send it (the same message). */
    public Duration lease() {
        Duration value = duration("regard.mail.outbox.lease", lease);
        if (value.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("regard.mail.outbox.lease is at least 30 seconds: " + lease);
        }
        return value;
    }

    /** The From of every mail: the DPO's address. */
    public String sender() {
        return dpoEmail.strip();
    }

    /** The controller's name (Ville de Lille), as the mails sign. */
    public String controllerName() {
        return controllerName.strip();
    }

    public String senderName() {
        return "Délégué à la protection des données — " + controllerName.strip();
    }

    /** Right of the @ in our Message-IDs: the setting, or {@code regard.<domain of the DPO address>}. */
    public String messageIdDomain() {
        return messageIdDomain.map(String::strip).filter(s -> !s.isEmpty())
                .orElseGet(() -> "regard." + sender().substring(sender().indexOf('@') + 1).toLowerCase(Locale.ROOT));
    }

    /** An ISO-8601 duration such as PT1M or P3D, positive. */
    static Duration duration(String name, String value) {
        try {
            Duration parsed = Duration.parse(value.strip());
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException(name + " is a positive duration: " + value);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is an ISO-8601 duration such as PT1M or P3D: " + value, e);
        }
    }
}
