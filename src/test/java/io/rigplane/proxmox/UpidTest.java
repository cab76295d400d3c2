package io.rigplane.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpidTest {

    @Test
    void parsesTheFieldsOfATokenTask() {
        Upid upid = Upid.parse("UPID:pve:000C2B7E:0A0E3C1F:66213F3A:qmcreate:101:root@pam!terraform:");
        assertThat(upid.node()).isEqualTo("pve");
        assertThat(upid.type()).isEqualTo("qmcreate");
        assertThat(upid.id()).isEqualTo("101");
        assertThat(upid.vmid()).hasValue(101);
        assertThat(upid.user()).isEqualTo("root@pam!terraform");
        assertThat(upid.startTime()).isEqualTo(Instant.ofEpochSecond(0x66213F3AL));
        assertThat(upid.toString()).isEqualTo(upid.value());
    }

    @Test
    void acceptsANinedigitPstartAndAnEmptyId() {
        Upid upid = Upid.parse("UPID:node1:00001234:1A2B3C4D5:6119FB65:srvreload::root@pam:");
        assertThat(upid.id()).isEmpty();
        assertThat(upid.vmid()).isEmpty();
    }

    @Test
    void refusesWhatIsNotAUpid() {
        assertThatThrownBy(() -> Upid.parse("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Upid.parse("UPID:n:zz:1:2:t:i:u:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Upid.parse("UPID::1:1:1:t:i:u:")).isInstanceOf(IllegalArgumentException.class);
    }
}
