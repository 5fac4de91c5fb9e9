package fr.regard.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo staff accounts of the embedded default: {@code dpo}, {@code operator}, {@code auditor}, {@code admin},
 * each with the role of the same name, plus a second DPO agent {@code dpo2} (several DPO agents share the queue);
 * all with the password {@code REGARD_DEMO_PASSWORD}. They exist only when
 * {@code regard.demo.accounts=true} (the run command sets it); a real deployment leaves it off and plugs the
 * city's directory in instead (security issue).
 */
@ApplicationScoped
public class DemoStaffIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(DemoStaffIdentityStore.class.getName());

    static final Map<String, String> ROLE_OF_ACCOUNT = Map.of(
            "dpo", "dpo", "dpo2", "dpo", "operator", "operator", "auditor", "auditor", "admin", "admin");

    @Inject
    @ConfigProperty(name = "regard.demo.accounts", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "regard.demo.password", defaultValue = "regard-demo")
    String password;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!enabled || !(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String role = ROLE_OF_ACCOUNT.get(login.getCaller());
        boolean passwordMatches = MessageDigest.isEqual(
                password.getBytes(StandardCharsets.UTF_8),
                login.getPasswordAsString().getBytes(StandardCharsets.UTF_8));
        if (role == null || !passwordMatches) {
            LOG.info(() -> "Refused staff login for '" + login.getCaller() + "'");
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(login.getCaller(), Set.of(role));
    }
}
