package fr.regard.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The server's mail session as configured (configure-regard.cli): reach its IMAP store and send through its SMTP. */
@jakarta.ws.rs.Path("mail")
@RequestScoped
public class MailProbeResource {

    @Resource(lookup = "java:jboss/mail/Regard")
    Session session;

    /** Logs in to the session's IMAP server and tells what it sees: host, port, user, INBOX folders. */
    @GET
    @jakarta.ws.rs.Path("imap")
    @Produces(MediaType.APPLICATION_JSON)
    public String imap() throws MessagingException {
        try (Store store = session.getStore("imap")) {
            store.connect();
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return Json.createObjectBuilder()
                        .add("host", session.getProperty("mail.imap.host"))
                        .add("port", session.getProperty("mail.imap.port"))
                        .add("from", String.valueOf(session.getProperty("mail.from")))
                        .add("inbox", inbox.getMessageCount()).build().toString();
            } finally {
                inbox.close(false);
            }
        }
    }

    /** Sends a short text through the session's SMTP server. */
    @POST
    @jakarta.ws.rs.Path("smtp")
    @Produces(MediaType.APPLICATION_JSON)
    public String smtp(@QueryParam("to") String to, @QueryParam("subject") String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom();
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText("Message de test du câblage", "UTF-8");
        Transport.send(m);
        return Json.createObjectBuilder().add("sent", true).build().toString();
    }
}
