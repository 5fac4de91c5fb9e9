package fr.regard.platform.infrastructure;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this server in a cluster: {@code jboss.node.name}, else the host name (leases, reports). */
public final class NodeName {

    private NodeName() {
    }

    public static String current() {
        String name = System.getProperty("jboss.node.name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
