package fr.regard.it.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Test-only WAR added to the real EAR by the integration tests (never shipped): it reaches inside the server
 * to check what HTTP cannot show — transactions, process instances, job timing.
 */
@ApplicationPath("/")
public class ProbeApplication extends Application {
}
