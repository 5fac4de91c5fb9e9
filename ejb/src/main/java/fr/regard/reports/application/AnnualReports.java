package fr.regard.reports.application;

import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.cases.domain.RefusalGround;
import fr.regard.documents.domain.AnnualReport;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.registry.DocumentIssuer;
import fr.regard.documents.registry.IssuedDocument;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Issues the rapport annuel (ANNUAL_REPORT, docs/documents.md "Institutional documents") of a year from the registers:
 * the requests received that year (Europe/Paris), by channel and kind, how they ended, answer times, extensions,
 * refusal grounds, and the year's purges (certificates, segments destroyed, judicial holds placed). The current year
 * gives the figures so far; a year not begun is refused.
 */
@ApplicationScoped
public class AnnualReports {

    /** Refusal grounds that open indirect access through the CNIL (loi 78-17 art. 107 and 108). */
    private static final String INDIRECT_GROUNDS = Arrays.stream(RefusalGround.values())
            .filter(RefusalGround::opensIndirectAccess).map(g -> "'" + g.name() + "'")
            .collect(Collectors.joining(", "));
    private static final String OF_YEAR = " from access_case c where c.received_at >= ? and c.received_at < ?";

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Inject
    DocumentIssuer issuer;

    Clock clock = Clock.systemUTC();

    /** @throws ReportRefusedException for a year before 2000 or not yet begun; nothing is written */
    @Transactional(Transactional.TxType.REQUIRED)
    public IssuedDocument issue(int year, String actor) {
        int current = LocalDate.ofInstant(clock.instant(), LegalCalendar.PARIS).getYear();
        if (year > current) {
            throw new ReportRefusedException("year", "L'année " + year + " n'a pas commencé : le rapport annuel porte "
                    + "sur une année écoulée ou sur l'année en cours (" + current + ").");
        }
        if (year < 2000) {
            throw new ReportRefusedException("year", "L'année doit être comprise entre 2000 et " + current + ".");
        }
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(LegalCalendar.PARIS).toInstant();
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(LegalCalendar.PARIS).toInstant();
        AnnualReport model;
        try (Connection c = dataSource.getConnection()) {
            long[] r = counts(c, "select count(*), "
                    + "sum(case when c.channel = 'WEB' then 1 else 0 end), "
                    + "sum(case when c.channel = 'EMAIL' then 1 else 0 end), "
                    + "sum(case when c.channel = 'LETTER' then 1 else 0 end), "
                    + "sum(case when c.kind = 'VERIFY_DESTRUCTION' then 1 else 0 end), "
                    + "sum(case when c.within_charter_window = true then 1 else 0 end)" + OF_YEAR, start, end);
            long[] o = counts(c, "select "
                    + "sum(case when c.decision = 'GRANT_COPY' then 1 else 0 end), "
                    + "sum(case when c.decision = 'GRANT_VIEWING' then 1 else 0 end), "
                    + "sum(case when c.decision = 'PARTIAL' then 1 else 0 end), "
                    + "sum(case when c.decision = 'REFUSAL' then 1 else 0 end), "
                    + "sum(case when c.decision = 'NO_DATA' then 1 else 0 end), "
                    + "sum(case when c.search_outcome = 'ALREADY_DESTROYED' or c.destruction_finding = 'DESTROYED' "
                    + "then 1 else 0 end), "
                    + "sum(case when c.status = 'WITHDRAWN' then 1 else 0 end), "
                    + "sum(case when c.closure_reason = 'MISSING_COMPLEMENT' then 1 else 0 end), "
                    + "sum(case when exists (select 1 from case_refusal_ground g where g.case_id = c.id and g.ground in ("
                    + INDIRECT_GROUNDS + ")) then 1 else 0 end), "
                    + "sum(case when c.extension_granted_at is not null then 1 else 0 end), "
                    + "sum(case when c.overdue = true or c.decided_at > c.response_due then 1 else 0 end)"
                    + OF_YEAR, start, end);
            long[] p = counts(c, "select "
                    + "(select count(*) from purge_batch b where b.certificate_document_id is not null "
                    + "and b.started_at >= ? and b.started_at < ?), "
                    + "(select coalesce(sum(b.segments), 0) from purge_batch b where b.status <> 'RUNNING' "
                    + "and b.started_at >= ? and b.started_at < ?), "
                    + "(select count(*) from footage_hold h where h.kind = 'JUDICIAL' "
                    + "and h.placed_at >= ? and h.placed_at < ?) from journal_state where id = 1",
                    start, end, start, end, start, end);
            model = new AnnualReport("RAPPORT-" + year, clock.instant(), year,
                    new AnnualReport.Requests(r[0], r[1], r[2], r[3], r[4], r[5]),
                    new AnnualReport.Outcomes(o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7], o[8]),
                    new AnnualReport.Delays(medianDays(c, start, end), o[9], o[10]),
                    grounds(c, start, end),
                    new AnnualReport.Purges(p[0], p[1], p[2]));
        } catch (SQLException e) {
            throw new IllegalStateException("The registers could not be read for the annual report " + year, e);
        }
        return issuer.issue(model, DocumentLanguage.FR, null, null, actor, null);
    }

    /** One row of counts (a sum over no row is null: 0). */
    private static long[] counts(Connection c, String sql, Instant... bounds) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, bounds);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                long[] values = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getLong(i + 1);
                }
                return values;
            }
        }
    }

    /** Median of the days from receipt to decision of the year's decided requests (0 when none), one decimal. */
    private static double medianDays(Connection c, Instant start, Instant end) throws SQLException {
        List<Double> days = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select c.received_at, c.decided_at" + OF_YEAR
                + " and c.decided_at is not null")) {
            bind(select, start, end);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Duration taken = Duration.between(rs.getObject(1, OffsetDateTime.class),
                            rs.getObject(2, OffsetDateTime.class));
                    days.add(taken.toSeconds() / 86_400.0);
                }
            }
        }
        if (days.isEmpty()) {
            return 0;
        }
        days.sort(Comparator.naturalOrder());
        int n = days.size();
        double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2;
        return Math.round(median * 10) / 10.0;
    }

    /** Refusal grounds used in the year's requests, most used first. */
    private static List<AnnualReport.GroundCount> grounds(Connection c, Instant start, Instant end) throws SQLException {
        List<AnnualReport.GroundCount> grounds = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select g.ground, count(*) from case_refusal_ground g "
                + "join access_case c on c.id = g.case_id where c.received_at >= ? and c.received_at < ? "
                + "group by g.ground")) {
            bind(select, start, end);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    grounds.add(new AnnualReport.GroundCount(RefusalGround.valueOf(rs.getString(1).strip()),
                            rs.getLong(2)));
                }
            }
        }
        grounds.sort(Comparator.comparingLong(AnnualReport.GroundCount::count).reversed()
                .thenComparing(g -> g.ground().name()));
        return grounds;
    }

    private static void bind(PreparedStatement select, Instant... bounds) throws SQLException {
        for (int i = 0; i < bounds.length; i++) {
            select.setObject(i + 1, OffsetDateTime.ofInstant(bounds[i], ZoneOffset.UTC));
        }
    }
}
