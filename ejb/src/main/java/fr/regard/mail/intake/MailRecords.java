package fr.regard.mail.intake;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The mail tables (V40 {@code mail_message}, {@code mail_reader_state}; V41 {@code case_mail},
 * {@code case_mail_attachment}, {@code case_suggestion}) in plain JDBC on the caller's transaction.
 */
@ApplicationScoped
public class MailRecords {

    /** One row of {@code mail_message}. */
    public record Row(long id, long uidvalidity, long uid, String messageId, String sha256, String contentSha256,
                      long size, boolean truncated, Instant receivedAt, String state, String kind, String reason,
                      String caseReference, String targetFolder, Instant copiedAt, Instant movedAt, String moveError) {

        public boolean routed() {
            return !MailState.RECEIVED.name().equals(state);
        }
    }

    /** What the status shows of the reader. */
    public record ReaderState(String node, Instant leaseUntil, Instant lastSuccessAt, Instant lastAttemptAt,
                              Instant failingSince, String lastError, Boolean idle, Integer backlog) {
    }

    /** A message attached to a case, for the staff view. */
    public record CaseMailRow(long id, long mailMessageId, Instant receivedAt, String from, String subject,
                              String textBody, String safeHtml, String role, Instant attachedAt, String sha256,
                              List<AttachmentRow> attachments) {
    }

    public record AttachmentRow(String fileName, String contentType, String detectedType, long size, String sha256,
                                boolean accepted, String refusal) {
    }

    public record SuggestionRow(long caseMailId, String kind, String text, int start, int end, String value,
                                String confidence, String label) {
    }

    private static final String ROW = "id, uidvalidity, uid, message_id, sha256, content_sha256, size_bytes, truncated, "
            + "received_at, state, kind, reason, case_reference, target_folder, copied_at, moved_at, move_error";

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    public DataSource dataSource() {
        return dataSource;
    }

    public Optional<Row> byUid(long uidvalidity, long uid) {
        return one("select " + ROW + " from mail_message where uidvalidity = ? and uid = ?", uidvalidity, uid);
    }

    public Optional<Row> byId(long id) {
        return one("select " + ROW + " from mail_message where id = ?", id);
    }

    /** The first row of an earlier delivery of the same message (same Message-ID and same content). */
    public Optional<Row> earlierDelivery(String messageId, String contentSha256) {
        if (messageId == null) {
            return Optional.empty();
        }
        return one("select " + ROW + " from mail_message where message_id = ? and content_sha256 = ? order by id "
                + "fetch first 1 rows only", messageId, contentSha256);
    }

    /** The case of a message Regard received with that Message-ID (a reply to a message of the thread). */
    public Optional<String> caseOfReceived(String messageId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select case_reference from mail_message where message_id = ? and case_reference is not null "
                        + "order by id fetch first 1 rows only")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("find the case of a received message", e);
        }
    }

    public long insert(long uidvalidity, long uid, String messageId, String sha256, String contentSha256, long size,
                       boolean truncated, Instant receivedAt, Instant storedAt, MailState state, String kind,
                       String reason, Long duplicateOf, String targetFolder) {
        return insertReturningId("insert into mail_message (uidvalidity, uid, message_id, sha256, content_sha256, "
                        + "size_bytes, truncated, received_at, stored_at, state, kind, reason, duplicate_of, target_folder, "
                        + "routed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as bigint), ?, "
                        + "cast(? as timestamp with time zone))",
                uidvalidity, uid, messageId, sha256, contentSha256, size, truncated, utc(receivedAt), utc(storedAt),
                state.name(), kind, reason, duplicateOf, targetFolder, state == MailState.RECEIVED ? null : utc(storedAt));
    }

    /** The outcome of routing (state, kind, reason, case, folder), with what the message said. */
    public void routed(long id, MailState state, String kind, String reason, String caseReference, String from,
                       String subject, String targetFolder, Instant at) {
        update("update mail_message set state = ?, kind = ?, reason = ?, case_reference = ?, from_address = ?, "
                        + "subject = ?, target_folder = ?, routed_at = ? where id = ? and state = 'RECEIVED'",
                state.name(), kind, cut(reason, 2000), caseReference, cut(from, 320), cut(subject, 998), targetFolder,
                utc(at), id);
    }

    public void bounce(long id, String original, String recipient, String status, String diagnostic) {
        update("update mail_message set bounce_original = ?, bounce_recipient = ?, bounce_status = ?, "
                        + "bounce_diagnostic = ? where id = ?", cut(original, 998), cut(recipient, 320), cut(status, 20),
                cut(diagnostic, 1000), id);
    }

    public void notice(long id, long outboxId) {
        update("update mail_message set notice_outbox_id = ? where id = ?", outboxId, id);
    }

    public void copied(long id, Instant at) {
        update("update mail_message set copied_at = ?, move_error = null where id = ?", utc(at), id);
    }

    public void moved(long id, Instant at) {
        update("update mail_message set moved_at = ?, move_error = null where id = ?", utc(at), id);
    }

    public void moveFailed(long id, String error) {
        update("update mail_message set move_error = ? where id = ?", cut(error, 1000), id);
    }

    /** Messages stored but not routed yet, or routed but not moved yet (the status's backlog). */
    public int backlog() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from mail_message where state = 'RECEIVED' or moved_at is null")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failure("count the backlog", e);
        }
    }

    // --- reader state ------------------------------------------------------------------------------------------

    public void readerSucceeded(Instant at, boolean idle, int backlog) {
        update("update mail_reader_state set last_success_at = ?, last_attempt_at = ?, failing_since = null, "
                + "last_error = null, idle = ?, backlog = ? where id = 1", utc(at), utc(at), idle, backlog);
    }

    public void readerFailed(Instant at, String error) {
        update("update mail_reader_state set last_attempt_at = ?, failing_since = coalesce(failing_since, ?), "
                + "last_error = ? where id = 1", utc(at), utc(at), cut(error, 1000));
    }

    public ReaderState readerState() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select run_node, lease_until, last_success_at, last_attempt_at, failing_since, last_error, idle, "
                        + "backlog from mail_reader_state where id = 1");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            boolean idle = rs.getBoolean(7);
            Boolean idleValue = rs.wasNull() ? null : idle;
            int backlog = rs.getInt(8);
            Integer backlogValue = rs.wasNull() ? null : backlog;
            return new ReaderState(rs.getString(1), instant(rs, 2), instant(rs, 3), instant(rs, 4), instant(rs, 5),
                    rs.getString(6), idleValue, backlogValue);
        } catch (SQLException e) {
            throw failure("read the reader's state", e);
        }
    }

    // --- case mail -------------------------------------------------------------------------------------------------

    public long insertCaseMail(String caseReference, long mailMessageId, Instant receivedAt, String from,
                               String subject, String textBody, String safeHtml, String role, Instant at) {
        return insertReturningId("insert into case_mail (case_reference, mail_message_id, received_at, from_address, "
                        + "subject, text_body, safe_html, role, attached_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                caseReference, mailMessageId, utc(receivedAt), cut(from, 320), cut(subject, 998),
                cut(textBody, 200_000), cut(safeHtml, 400_000), role, utc(at));
    }

    public void insertAttachment(long caseMailId, AttachmentRow a) {
        update("insert into case_mail_attachment (case_mail_id, file_name, content_type, detected_type, size_bytes, "
                        + "sha256, accepted, refusal) values (?, ?, ?, ?, ?, ?, ?, ?)", caseMailId, cut(a.fileName(), 255),
                cut(a.contentType(), 200), cut(a.detectedType(), 200), a.size(), a.sha256(), a.accepted(),
                cut(a.refusal(), 1000));
    }

    public void insertSuggestion(String caseReference, SuggestionRow s, Instant at) {
        update("insert into case_suggestion (case_reference, case_mail_id, kind, source_text, start_offset, "
                        + "end_offset, suggested_value, confidence, label, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                caseReference, s.caseMailId(), s.kind(), cut(s.text(), 500), s.start(), s.end(), cut(s.value(), 200),
                s.confidence(), cut(s.label(), 600), utc(at));
    }

    public List<CaseMailRow> mailsOf(String caseReference) {
        List<CaseMailRow> mails = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select cm.id, cm.mail_message_id, cm.received_at, "
                     + "cm.from_address, cm.subject, cm.text_body, cm.safe_html, cm.role, cm.attached_at, m.sha256 "
                     + "from case_mail cm join mail_message m on m.id = cm.mail_message_id where cm.case_reference = ? "
                     + "order by cm.received_at, cm.id");
             PreparedStatement a = c.prepareStatement("select file_name, content_type, detected_type, size_bytes, "
                     + "sha256, accepted, refusal from case_mail_attachment where case_mail_id = ? order by id")) {
            s.setString(1, caseReference);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    List<AttachmentRow> attachments = new ArrayList<>();
                    a.setLong(1, id);
                    try (ResultSet ar = a.executeQuery()) {
                        while (ar.next()) {
                            attachments.add(new AttachmentRow(ar.getString(1), ar.getString(2), ar.getString(3),
                                    ar.getLong(4), ar.getString(5), ar.getBoolean(6), ar.getString(7)));
                        }
                    }
                    mails.add(new CaseMailRow(id, rs.getLong(2), instant(rs, 3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), rs.getString(10),
                            attachments));
                }
            }
            return mails;
        } catch (SQLException e) {
            throw failure("read the mails of " + caseReference, e);
        }
    }

    public List<SuggestionRow> suggestionsOf(String caseReference) {
        List<SuggestionRow> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select case_mail_id, "
                + "kind, source_text, start_offset, end_offset, suggested_value, confidence, label from case_suggestion "
                + "where case_reference = ? order by case_mail_id, start_offset, id")) {
            s.setString(1, caseReference);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new SuggestionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read the suggestions of " + caseReference, e);
        }
    }

    /** An accepted attachment (by its SHA-256) of a message attached to the case, when it is one. */
    public Optional<AttachmentRow> acceptedAttachmentOf(String caseReference, long mailMessageId, String sha256) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select a.file_name, "
                + "a.content_type, a.detected_type, a.size_bytes, a.sha256, a.accepted, a.refusal "
                + "from case_mail_attachment a join case_mail cm on cm.id = a.case_mail_id where cm.case_reference = ? "
                + "and cm.mail_message_id = ? and a.sha256 = ? and a.accepted = true order by a.id")) {
            s.setString(1, caseReference);
            s.setLong(2, mailMessageId);
            s.setString(3, sha256);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new AttachmentRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getBoolean(6), rs.getString(7))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("find an attachment", e);
        }
    }

    /** The .eml (SHA-256) of a message attached to the case, when it is. */
    public Optional<String> originalOf(String caseReference, long mailMessageId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select m.sha256 "
                + "from case_mail cm join mail_message m on m.id = cm.mail_message_id where cm.case_reference = ? "
                + "and cm.mail_message_id = ?")) {
            s.setString(1, caseReference);
            s.setLong(2, mailMessageId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("find an original message", e);
        }
    }

    // --- JDBC ---------------------------------------------------------------------------------------------------

    private Optional<Row> one(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getLong(7), rs.getBoolean(8), instant(rs, 9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), instant(rs, 15),
                        instant(rs, 16), rs.getString(17)));
            }
        } catch (SQLException e) {
            throw failure("read a received message", e);
        }
    }

    private long insertReturningId(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
            bind(s, parameters);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("insert a row", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("update the mail tables", e);
        }
    }

    /** Nulls are bound as VARCHAR: a null for another type needs a cast in the SQL (PostgreSQL checks the type). */
    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p == null) {
                s.setNull(i + 1, Types.VARCHAR);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Mail records: cannot " + what + ": " + e.getMessage(), e);
    }

}
