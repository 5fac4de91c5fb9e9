package fr.regard.intake.application;

import fr.regard.cases.application.TrackingView;

/**
 * The answer to a channel once a request is stored and its process started. The tracking token appears here
 * and nowhere else: it goes to the requester and is never stored in clear.
 */
public record ReceivedRequest(TrackingView caseView, String trackingToken) {
}
