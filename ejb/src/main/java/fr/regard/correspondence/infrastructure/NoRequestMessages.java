package fr.regard.correspondence.infrastructure;

import fr.regard.correspondence.domain.RequestMessages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The default {@link RequestMessages} until the mail intake provides its own: no original e-mail is known. */
@ApplicationScoped
public class NoRequestMessages implements RequestMessages {

    @Override
    public Optional<String> originalMessageId(String caseReference) {
        return Optional.empty();
    }
}
