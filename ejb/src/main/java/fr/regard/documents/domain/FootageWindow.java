package fr.regard.documents.domain;

import java.time.Instant;

/** The facts a request is about, as the letter recalls them: where, and from when to when. */
public record FootageWindow(String place, Instant start, Instant end) {

    public FootageWindow {
        place = Checks.text(place, "facts.place");
        Checks.present(start, "facts.start");
        Checks.present(end, "facts.end");
        Checks.ordered(start, end, "facts");
    }
}
