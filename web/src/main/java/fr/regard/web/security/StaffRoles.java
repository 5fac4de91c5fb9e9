package fr.regard.web.security;

import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The staff roles of Regard, in the order used to name "the" role of a caller in the journal. */
public final class StaffRoles {

    public static final String DPO = "dpo";
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private static final List<String> ALL = List.of(DPO, OPERATOR, AUDITOR, ADMIN);

    private StaffRoles() {
    }

    /** Every staff role of the caller. */
    public static Set<String> rolesOf(SecurityContext security) {
        return ALL.stream().filter(security::isUserInRole).collect(Collectors.toUnmodifiableSet());
    }

    public static String roleOf(SecurityContext security) {
        return ALL.stream().filter(security::isUserInRole).findFirst().orElse("unknown");
    }
}
