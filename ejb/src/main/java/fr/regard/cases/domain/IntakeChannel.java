package fr.regard.cases.domain;

/** How a request reached the city: the charter's registered letter and email to the DPO, and Regard's web form. */
public enum IntakeChannel {
    WEB,
    EMAIL,
    LETTER
}
