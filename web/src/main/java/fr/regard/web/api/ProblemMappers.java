package fr.regard.web.api;

import fr.regard.cases.application.ActionRefusedException;
import fr.regard.cases.application.InvalidCommandException;
import fr.regard.cases.domain.CaseStateException;
import fr.regard.intake.application.InvalidRequestException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API as problem details; never a stack trace. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return Problems.invalidRequest(e.violations());
        }
    }

    @Provider
    public static class InvalidCommand implements ExceptionMapper<InvalidCommandException> {
        @Override
        public Response toResponse(InvalidCommandException e) {
            return Problems.invalidInput(e.violations());
        }
    }

    @Provider
    public static class ActionRefused implements ExceptionMapper<ActionRefusedException> {
        @Override
        public Response toResponse(ActionRefusedException e) {
            return refused(e);
        }
    }

    /** A step the case's state does not allow: nothing changed. */
    @Provider
    public static class CaseState implements ExceptionMapper<CaseStateException> {
        @Override
        public Response toResponse(CaseStateException e) {
            return caseState(e);
        }
    }

    static Response refused(ActionRefusedException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> Problems.of(404, e.code(), "Introuvable", e.getMessage());
            case FORBIDDEN -> Problems.of(403, e.code(), "Action non autorisée pour votre rôle", e.getMessage());
            case CONFLICT -> Problems.of(409, e.code(), "Action impossible en l'état", e.getMessage());
        };
    }

    static Response caseState(CaseStateException e) {
        return Problems.of(409, e.code(), "Action impossible en l'état du dossier", e.getMessage());
    }

    /** 404, 405, 406, 415… raised by JAX-RS itself. */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return unexpected(e);
            }
            return Problems.of(status, "http-" + status, Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Erreur", frenchDetail(status));
        }

        private static String frenchDetail(int status) {
            return switch (status) {
                case 400 -> "La requête est mal formée.";
                case 401 -> "Authentification requise.";
                case 403 -> "Accès refusé pour votre rôle.";
                case 404 -> "Ressource introuvable.";
                case 405 -> "Méthode non autorisée sur cette ressource.";
                case 406 -> "Format de réponse non disponible.";
                case 415 -> "Format de contenu non pris en charge : envoyez application/json.";
                default -> "La requête n'a pas pu être traitée.";
            };
        }
    }

    /** Anything else: logged with an incident number that the user can quote; the body says nothing internal. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof InvalidRequestException invalid) {
                return Problems.invalidRequest(invalid.violations());
            }
            if (cause instanceof InvalidCommandException invalid) {
                return Problems.invalidInput(invalid.violations());
            }
            if (cause instanceof ActionRefusedException refused) {
                return refused(refused);
            }
            if (cause instanceof CaseStateException state) {
                return caseState(state);
            }
            return unexpected(e);
        }
    }

    static Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident, e);
        return Problems.of(500, "internal-error", "Erreur interne",
                "Une erreur interne est survenue ; l'opération n'a pas été effectuée. Référence de l'incident : " + incident);
    }
}
