package fr.regard.mail.content;

import java.util.Objects;

/**
 * Why a message is {@link MailKind#REJECTED}, with the French explanation meant for its sender (polite, saying what
 * to do). {@code headerKind} is what the headers alone say the message is: the sender is told nothing unless it
 * is {@link MailKind#NEW_OR_REPLY} (an out-of-office or a bounce that is too large is dropped silently).
 */
public record Rejection(RejectionReason reason, String explanation, MailKind headerKind) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(headerKind, "headerKind");
    }
}
