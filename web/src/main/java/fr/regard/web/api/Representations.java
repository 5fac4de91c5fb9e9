package fr.regard.web.api;

import fr.regard.cases.application.ArchiveActionView;
import fr.regard.cases.application.CaseView;
import fr.regard.cases.application.LetterView;
import fr.regard.cases.application.RefusalGroundView;
import fr.regard.cases.application.TaskView;
import fr.regard.cases.application.TrackingView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** JSON shapes of the API. Times are ISO-8601 with the Europe/Paris offset of that date; absent values are omitted. */
final class Representations {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Representations() {
    }

    static JsonObject tracking(TrackingView view, String trackingToken) {
        return tracking(view, trackingToken, trackingToken);
    }

    /**
     * {@code revealedToken}: shown once, in the answer to the filing; {@code linkToken}: the token the documents'
     * download URLs are built with (the one the requester used).
     */
    static JsonObject tracking(TrackingView view, String revealedToken, String linkToken) {
        String trackingToken = revealedToken;
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("reference", view.reference())
                .add("kind", view.kind())
                .add("kindLabel", view.kindLabel())
                .add("status", view.status())
                .add("statusLabel", view.statusLabel())
                .add("receivedAt", time(view.receivedAt()))
                .add("deadlines", deadlines(view.charterWindowEnd(), view.preservationDeadline(), view.responseDue()))
                .add("withinCharterWindow", view.withinCharterWindow())
                .add("factsConfirmed", view.factsConfirmed())
                .add("charterWindowLabel", charterLabel(view.withinCharterWindow(), view.factsConfirmed()))
                .add("responseExtended", view.responseExtended())
                .add("complementAwaited", view.complementAwaited())
                .add("canWithdraw", view.canWithdraw())
                .add("letters", letters(view.letters()))
                .add("documents", DocumentResponses.list(view.documents(),
                        id -> linkToken == null ? "" : "/api/v1/tracking/" + linkToken + "/documents/" + id, false));
        JsonArrayBuilder footage = Json.createArrayBuilder();
        for (TrackingView.FootageCopy copy : view.footage()) {
            footage.add(Json.createObjectBuilder()
                    .add("id", copy.id())
                    .add("camera", copy.camera())
                    .add("start", time(copy.start()))
                    .add("end", time(copy.end()))
                    .add("mediaType", "video/mp4")
                    .add("sizeBytes", copy.sizeBytes())
                    .add("sha256", copy.sha256())
                    .add("availableUntil", time(copy.availableUntil()))
                    .add("downloadUrl", linkToken == null ? "" : "/api/v1/tracking/" + linkToken + "/footage/" + copy.id()));
        }
        json.add("footage", footage);
        put(json, "complementDeadline", view.complementDeadline());
        if (trackingToken != null) {
            json.add("trackingToken", trackingToken);
            json.add("trackingUrl", "/api/v1/tracking/" + trackingToken);
        }
        return json.build();
    }

    static JsonObject staff(CaseView view) {
        JsonObjectBuilder requester = Json.createObjectBuilder()
                .add("firstName", view.requesterFirstName())
                .add("lastName", view.requesterLastName());
        if (view.requesterEmail() != null) {
            requester.add("email", view.requesterEmail());
        }
        if (!view.requesterPostalAddress().isEmpty()) {
            requester.add("postalAddress", Json.createArrayBuilder(view.requesterPostalAddress()));
        }
        requester.add("language", view.requesterLanguage());
        JsonObjectBuilder facts = Json.createObjectBuilder()
                .add("confirmed", view.factsConfirmed())
                .add("start", time(view.factsStart()))
                .add("end", time(view.factsEnd()))
                .add("place", view.factsPlace());
        if (view.factsDescription() != null) {
            facts.add("description", view.factsDescription());
        }
        JsonObjectBuilder deadlines = Json.createObjectBuilder(
                deadlines(view.charterWindowEnd(), view.preservationDeadline(), view.responseDue()));
        CaseView.Clock clock = view.clock();
        put(deadlines, "responseReminderAt", clock.responseReminderAt());
        put(deadlines, "complementReminderAt", clock.complementReminderAt());
        put(deadlines, "complementDeadline", clock.complementDeadline());
        put(deadlines, "deliveryExpiresAt", clock.deliveryExpiresAt());
        put(deadlines, "personalDataPurgeAt", view.closure().personalDataPurgeAt());
        JsonObjectBuilder responseClock = Json.createObjectBuilder()
                .add("paused", clock.paused())
                .add("overdue", clock.overdue());
        put(responseClock, "pausedAt", clock.pausedAt());
        if (clock.daysLeftAtPause() != null) {
            responseClock.add("daysLeftAtPause", clock.daysLeftAtPause());
        }
        if (clock.extensionRequestedAt() != null) {
            JsonObjectBuilder extension = Json.createObjectBuilder()
                    .add("requestedAt", time(clock.extensionRequestedAt()))
                    .add("requestedBy", clock.extensionRequestedBy())
                    .add("reasons", clock.extensionReasons());
            put(extension, "grantedAt", clock.extensionGrantedAt());
            put(extension, "responseDueBefore", clock.responseDueBeforeExtension());
            responseClock.add("extension", extension);
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("reference", view.reference())
                .add("kind", view.kind())
                .add("kindLabel", view.kindLabel())
                .add("channel", view.channel())
                .add("status", view.status())
                .add("statusLabel", view.statusLabel())
                .add("receivedAt", time(view.receivedAt()))
                .add("requester", requester)
                .add("facts", facts)
                .add("deadlines", deadlines)
                .add("responseClock", responseClock)
                .add("withinCharterWindow", view.withinCharterWindow())
                .add("charterWindowLabel", charterLabel(view.withinCharterWindow(), view.factsConfirmed()));
        if (view.processInstanceId() != null) {
            json.add("processInstanceId", view.processInstanceId());
        }
        if (view.intakeRegisteredMail() != null) {
            json.add("registeredMailNumber", view.intakeRegisteredMail());
        }
        if (view.qualification() != null) {
            CaseView.QualificationView q = view.qualification();
            JsonObjectBuilder qualification = Json.createObjectBuilder()
                    .add("regime", q.regime()).add("regimeLabel", q.regimeLabel()).add("legalBasis", q.legalBasis())
                    .add("identityDoubt", q.identityDoubt()).add("precise", q.precise())
                    .add("qualifiedAt", time(q.qualifiedAt())).add("qualifiedBy", q.qualifiedBy());
            put(qualification, "missingInformation", q.missingInformation());
            json.add("qualification", qualification);
        }
        if (view.search() != null) {
            CaseView.SearchView s = view.search();
            JsonObjectBuilder search = Json.createObjectBuilder()
                    .add("outcome", s.outcome()).add("outcomeLabel", s.outcomeLabel())
                    .add("searchedAt", time(s.searchedAt())).add("searchedBy", s.searchedBy());
            put(search, "cameras", s.cameras());
            put(search, "note", s.note());
            put(search, "destroyedAt", s.destroyedAt());
            json.add("search", search);
        }
        if (view.extraction() != null) {
            CaseView.ExtractionView e = view.extraction();
            JsonObjectBuilder extraction = Json.createObjectBuilder()
                    .add("cameras", e.cameras()).add("start", time(e.start())).add("end", time(e.end()))
                    .add("masking", e.masking()).add("maskingLabel", e.maskingLabel())
                    .add("extractedAt", time(e.extractedAt())).add("extractedBy", e.extractedBy());
            put(extraction, "note", e.note());
            json.add("extraction", extraction);
        }
        if (view.decision() != null) {
            CaseView.DecisionView d = view.decision();
            JsonObjectBuilder decision = Json.createObjectBuilder()
                    .add("decision", d.decision()).add("decisionLabel", d.decisionLabel())
                    .add("decidedAt", time(d.decidedAt())).add("decidedBy", d.decidedBy())
                    .add("grounds", grounds(view.grounds()));
            put(decision, "note", d.note());
            put(decision, "viewingOutcome", d.viewingOutcome());
            if (d.viewingAt() != null) {
                decision.add("viewing", Json.createObjectBuilder().add("at", time(d.viewingAt()))
                        .add("place", d.viewingPlace()));
            }
            json.add("decision", decision);
        }
        if (view.destructionFinding() != null) {
            JsonObjectBuilder destruction = Json.createObjectBuilder().add("finding", view.destructionFinding());
            put(destruction, "dueAt", view.destructionDueAt());
            json.add("destruction", destruction);
        }
        CaseView.Closure c = view.closure();
        if (c.closedAt() != null || c.withdrawnAt() != null) {
            JsonObjectBuilder closure = Json.createObjectBuilder();
            put(closure, "closedAt", c.closedAt());
            put(closure, "reason", c.reason());
            put(closure, "reasonLabel", c.reasonLabel());
            put(closure, "withdrawnAt", c.withdrawnAt());
            put(closure, "personalDataPurgeAt", c.personalDataPurgeAt());
            put(closure, "personalDataPurgedAt", c.personalDataPurgedAt());
            json.add("closure", closure);
        }
        json.add("letters", letters(view.letters()));
        JsonArrayBuilder flags = Json.createArrayBuilder();
        view.flags().forEach(flags::add);
        json.add("flags", flags);
        JsonArrayBuilder actions = Json.createArrayBuilder();
        for (ArchiveActionView a : view.archiveActions()) {
            JsonObjectBuilder action = Json.createObjectBuilder().add("type", a.type()).add("label", a.label())
                    .add("status", a.status()).add("statusLabel", a.statusLabel()).add("recordedAt", time(a.recordedAt()));
            put(action, "note", a.note());
            actions.add(action);
        }
        json.add("archiveActions", actions);
        JsonArrayBuilder complements = Json.createArrayBuilder();
        for (CaseView.ComplementView r : view.complements()) {
            complements.add(Json.createObjectBuilder().add("receivedAt", time(r.receivedAt()))
                    .add("awaited", r.awaited()).add("content", r.content()));
        }
        json.add("complements", complements);
        return json.build();
    }

    static JsonObject task(TaskView task) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        task.candidateGroups().stream().sorted().forEach(groups::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", task.id())
                .add("taskKey", task.taskKey())
                .add("name", task.name())
                .add("reference", task.reference())
                .add("kind", task.kind())
                .add("caseStatus", task.caseStatus())
                .add("caseStatusLabel", task.caseStatusLabel())
                .add("created", time(task.created()))
                .add("candidateGroups", groups)
                .add("overdue", task.overdue())
                .add("withinCharterWindow", task.withinCharterWindow());
        put(json, "due", task.due());
        put(json, "assignee", task.assignee());
        put(json, "expects", task.expects());
        return json.build();
    }

    static JsonArrayBuilder grounds(List<RefusalGroundView> grounds) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (RefusalGroundView g : grounds) {
            array.add(Json.createObjectBuilder().add("code", g.code()).add("label", g.label())
                    .add("legalBasis", g.legalBasis()).add("regime", g.regime())
                    .add("opensIndirectAccess", g.opensIndirectAccess()).add("letterText", g.letterText()));
        }
        return array;
    }

    private static JsonArrayBuilder letters(List<LetterView> letters) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (LetterView l : letters) {
            JsonObjectBuilder letter = Json.createObjectBuilder().add("id", l.id()).add("type", l.type())
                    .add("title", l.title())
                    .add("status", l.status()).add("statusLabel", l.statusLabel())
                    .add("preparedAt", time(l.preparedAt()))
                    .add("delivery", l.delivery()).add("deliveryLabel", l.deliveryLabel());
            put(letter, "statusNote", l.statusNote());
            put(letter, "sentAt", l.sentAt());
            put(letter, "deliveryNote", l.deliveryNote());
            put(letter, "registeredMailNumber", l.registeredMailNumber());
            put(letter, "postedOn", l.postedOn() == null ? null : l.postedOn().toString());
            put(letter, "deliveredOn", l.deliveredOn() == null ? null : l.deliveredOn().toString());
            array.add(letter);
        }
        return array;
    }

    private static JsonObject deadlines(Instant charterWindowEnd, Instant preservationDeadline, Instant responseDue) {
        return Json.createObjectBuilder()
                .add("charterWindowEnd", time(charterWindowEnd))
                .add("preservationDeadline", time(preservationDeadline))
                .add("responseDue", time(responseDue))
                .build();
    }

    static void put(JsonObjectBuilder json, String name, Instant value) {
        if (value != null) {
            json.add(name, time(value));
        }
    }

    static void put(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    /** Charter art. 3.2 flag as people read it; undetermined while the facts are provisional (an e-mail request). */
    static String charterLabel(boolean within, boolean factsConfirmed) {
        if (!factsConfirmed) {
            return "À déterminer (faits à préciser)";
        }
        return within ? "Dans le délai de la charte" : "Hors délai charte";
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(PARIS).toOffsetDateTime());
    }
}
