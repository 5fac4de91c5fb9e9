package fr.regard.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * Staff authenticate with HTTP Basic (over TLS in production, loopback in the embedded default). Citizens never
 * log in: they use their tracking link.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "Regard")
@DeclareRoles({"dpo", "operator", "auditor", "admin"})
public class StaffAuthentication {
}
