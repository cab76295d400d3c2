package io.rigplane.streamhost.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.streamhost.ReadyStreamHost;
import io.rigplane.support.ReferenceData;
import org.junit.jupiter.api.Test;

/** Reading /serverinfo answers as real GameStream hosts send them (truncated captures included). */
class ServerInfoTest {

    @Test
    void sunshineWithATrailingSpaceInItsNameAndAnEmptyUniqueId() {
        ReadyStreamHost host = ServerInfo.parse("192.168.1.113", 47989,
                ReferenceData.read("apollo/samples/sunshine-1295_serverinfo.FRAGMENT.xml"));
        assertThat(host.hostName()).isEqualTo("Gaming3080ti");
        assertThat(host.uniqueId()).isEmpty();
        assertThat(host.appVersion()).isEqualTo("7.1.431.-1");
        assertThat(host.mac()).isEqualTo("52:54:00:0d:cf:dd");
        assertThat(host.authority()).isEqualTo("192.168.1.113:47989");
    }

    @Test
    void nvidiaGameStreamWithoutAHostNameFallsBackToTheAddress() {
        ReadyStreamHost host = ServerInfo.parse("192.168.0.52", 47989,
                ReferenceData.read("apollo/samples/gfe-moonlight-android-pr735_serverinfo.NVIDIA_GFE.FRAGMENT.xml"));
        assertThat(host.hostName()).isEqualTo("192.168.0.52");
        assertThat(host.uniqueId()).isEmpty();
    }

    @Test
    void escapedNamesAreReadAsTheyAreMeant() {
        ReadyStreamHost host = ServerInfo.parse("2001:db8::5", 47989, "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<root status_code=\"200\"><hostname>Tom &amp; Jerry&apos;s PC</hostname>"
                + "<uniqueid>0123ABCD-0000-4000-8000-0000000000AA</uniqueid></root>");
        assertThat(host.hostName()).isEqualTo("Tom & Jerry's PC");
        assertThat(host.uniqueId()).isEqualTo("0123ABCD-0000-4000-8000-0000000000AA");
        assertThat(host.authority()).isEqualTo("[2001:db8::5]:47989");
    }
}
