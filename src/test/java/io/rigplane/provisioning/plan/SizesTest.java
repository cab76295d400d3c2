package io.rigplane.provisioning.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Disk sizes read the way Proxmox's own parse_size reads them: binary units, fractions cut to bytes. */
class SizesTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
            "200G,          214748364800",
            "204800M,       214748364800",
            "209715200K,    214748364800",
            "214748364800,  214748364800",
            "1T,            1099511627776",
            "2T,            2199023255552",
            "1M,            1048576",
            "4M,            4194304",
            "528K,          540672",
            "1.5G,          1610612736",
            "0.5T,          549755813888",
            "0.5K,          512",
            "0.1K,          102",
            "0.7K,          716",
            "1.0000001K,    1024",
            "' 200G ',      214748364800",
            "0,             0",
            "0G,            0",
    })
    void readsSizesInBytes(String size, long bytes) {
        assertThat(Sizes.bytes(size)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"200g", "200GB", "200GiB", "200 G", "G", "-1G", "+1G", "1e3", "1P", "1,5G", ".5G", "5.G",
            "size=200G"})
    void anythingElseIsNotASize(String size) {
        assertThat(Sizes.bytes(size)).isNull();
    }

    @ParameterizedTest(name = "{0} GiB")
    @CsvSource({
            "1,     1073741824",
            "200,   214748364800",
            "2048,  2199023255552",
            "65536, 70368744177664",
    })
    void gibibytesDoNotOverflow(int gib, long bytes) {
        assertThat(Sizes.gib(gib)).isEqualTo(bytes);
    }
}
