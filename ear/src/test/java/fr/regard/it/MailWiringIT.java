package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server's mail session {@code java:jboss/mail/Regard} reaches the test mail server over IMAP and SMTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailWiringIT {

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @BeforeAll
    static void mailServer() {
        MailServer.start();
    }

    @Test
    @DisplayName("the mail session logs in to the DPO mailbox over IMAP with its configured credentials")
    void imap() {
        Http.Reply reply = Http.get("/" + RegardDeployment.PROBE + "/mail/imap");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject json = reply.json();
        // WildFly writes the binding's address as its host name
        assertThat(json.getString("host")).isIn("127.0.0.1", "localhost");
        assertThat(json.getInt("inbox")).isGreaterThanOrEqualTo(0);
        assertThat(json.getString("port")).isEqualTo(String.valueOf(MailServer.imapPort()));
        assertThat(json.getString("from")).isEqualTo(MailServer.DPO);
    }

    @Test
    @DisplayName("the mail session sends over SMTP, from the DPO address")
    void smtp() throws Exception {
        String to = "cablage.smtp@example.org";
        Http.Reply reply = Http.postAs("/" + RegardDeployment.PROBE + "/mail/smtp?to=" + to + "&subject=Essai", "x", "x");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<MimeMessage> got = Await.until(() -> {
            List<MimeMessage> found = MailServer.receivedBy(to);
            return found.isEmpty() ? Optional.empty() : Optional.of(found);
        }, Duration.ofSeconds(20), "the probe's message at " + to);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getFrom()[0].toString()).isEqualTo(MailServer.DPO);
        assertThat(got.get(0).getSubject()).isEqualTo("Essai");
    }
}
