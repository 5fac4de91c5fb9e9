package fr.regard.archive.domain;

/** What started a purge run: the daily timer, the catch-up at start-up, or an administrator. */
public enum PurgeTrigger {
    SCHEDULE,
    CATCH_UP,
    ADMIN
}
