package fr.regard.it;

import fr.regard.it.probe.ProbeApplication;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real EAR built by this module ({@code target/regard.ear}), plus the test-only probe WAR at
 * {@code /regard-it-probe}.
 */
final class RegardDeployment {

    static final String PROBE = "regard-it-probe";

    private RegardDeployment() {
    }

    static EnterpriseArchive withProbe() {
        File built = new File(System.getProperty("regard.ear", "target/regard.ear"));
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built);
        WebArchive probe = ShrinkWrap.create(WebArchive.class, PROBE + ".war")
                .addPackage(ProbeApplication.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        ear.addAsModule(probe);
        String applicationXml = read(ear);
        ear.setApplicationXML(new StringAsset(applicationXml.replace("</application>",
                "  <module><web><web-uri>" + PROBE + ".war</web-uri><context-root>/" + PROBE
                        + "</context-root></web></module>\n</application>")));
        return ear;
    }

    private static String read(EnterpriseArchive ear) {
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The built EAR has no readable application.xml", e);
        }
    }
}
