package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Synthetic footage and the extraction engine inside the real server (jcodec and Java2D from the EAR's lib/). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArchiveMediaIT {

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @Test
    @DisplayName("In the server, synthetic segments are recorded and listed, and the injected engine extracts and masks them")
    void recordsAndExtractsInTheServer() {
        Http.Reply reply = Http.post("/" + RegardDeployment.PROBE + "/media/extract", "application/json", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject result = reply.json();
        assertThat(result.getInt("listed")).isEqualTo(2);
        assertThat(result.getString("engine")).startsWith("jcodec 0.2.5"); // regard.archive.ffmpeg is not set
        assertThat(result.getString("method")).isEqualTo("REENCODE");
        assertThat(result.getInt("frames")).isEqualTo(20); // 13:30:05.0 … 13:30:14.5 at 2 fps
        assertThat(result.getInt("durationMillis")).isEqualTo(10_000);
        assertThat(result.getString("firstFrame")).isEqualTo("2026-11-20T13:30:05Z");
        assertThat(result.getInt("size")).isEqualTo(result.getInt("fileSize")).isPositive();
        assertThat(result.getString("sha256")).matches("[0-9a-f]{64}");
        assertThat(result.getString("ftyp")).isEqualTo("ftyp");
        assertThat(result.getInt("privacyFrames")).isEqualTo(20);
        assertThat(result.getInt("thirdPartyFrames")).isEqualTo(8); // frames starting 13:30:08.0 … 13:30:11.5
        assertThat(result.getJsonNumber("lastProgress").longValue()).isEqualTo(20_020); // (20, 20)
    }

    @Test
    @DisplayName("The demo recorder stays off unless regard.demo.footage=true (not set for the tests)")
    void demoRecorderOffByDefault() {
        assertThat(Http.get("/" + RegardDeployment.PROBE + "/media/demo-footage").json().getBoolean("recorded"))
                .isFalse();
    }
}
