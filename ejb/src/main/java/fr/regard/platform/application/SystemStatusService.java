package fr.regard.platform.application;

import fr.regard.platform.infrastructure.DatabaseSchema;
import fr.regard.workflow.application.CaseProcesses;
import fr.regard.workflow.infrastructure.ProcessEngineBootstrap;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Checks the parts Regard cannot work without; cheap enough for a load balancer's probe. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SystemStatusService {

    private static final Logger LOG = Logger.getLogger(SystemStatusService.class.getName());

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Inject
    DatabaseSchema schema;

    @Inject
    ProcessEngineBootstrap engine;

    public SystemStatus check() {
        boolean databaseUp;
        try (Connection connection = dataSource.getConnection()) {
            databaseUp = connection.isValid(2);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Database check failed", e);
            databaseUp = false;
        }
        long definitions = 0;
        boolean engineUp = false;
        if (engine.isRunning()) {
            try {
                for (String key : CaseProcesses.PROCESS_KEYS) {
                    definitions += engine.engine().getRepositoryService().createProcessDefinitionQuery()
                            .processDefinitionKey(key).latestVersion().count();
                }
                engineUp = definitions == CaseProcesses.PROCESS_KEYS.size();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Process engine check failed", e);
            }
        }
        return new SystemStatus(databaseUp, engineUp, schema.version(), definitions);
    }
}
