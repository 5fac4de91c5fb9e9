package fr.regard.correspondence.domain;

import java.util.List;

/**
 * Outgoing correspondence with requesters (seam). The case lifecycle asks for a letter of a given type; the
 * implementation renders, seals and sends it through the request's channel (documents and correspondence
 * capabilities, later issues). Calls run in the caller's transaction: a letter is registered if and only if the step
 * that asked for it commits.
 */
public interface Correspondence {

    /** Registers (and, once the capability exists, issues) a letter to the requester. Never claims more than it did. */
    Letter issue(LetterRequest request);

    /** The letters of a case, oldest first. */
    List<Letter> lettersOf(String caseReference);
}
