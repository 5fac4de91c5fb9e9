package fr.regard.platform.application;

/** Whether Regard can serve requests: database reachable and process engine running with its processes. */
public record SystemStatus(boolean databaseUp, boolean engineUp, String schemaVersion, long processDefinitions) {

    public boolean up() {
        return databaseUp && engineUp;
    }
}
