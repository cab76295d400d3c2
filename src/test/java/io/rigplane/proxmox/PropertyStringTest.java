package io.rigplane.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Proxmox property strings: a default value first, then key=value pairs, split at every comma. */
class PropertyStringTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text                                           | head                     | key       | value
            "local-zfs:vm-100-disk-1,cache=none,size=200G     | local-zfs:vm-100-disk-1  | size      | 200G",
            "local-zfs:200,aio=io_uring,ssd=1                 | local-zfs:200            | aio       | io_uring",
            "mapping=rtx3070,pcie=1,x-vga=1                   |                          | x-vga     | 1",
            "host,hidden=1                                    | host                     | hidden    | 1",
            "1,fstrim_cloned_disks=1                          | 1                        | fstrim_cloned_disks | 1",
            "local-zfs:vm-100-disk-1 , cache=none ,size=200G  | local-zfs:vm-100-disk-1  | cache     | none",
            "local-zfs:vm-100-disk-1,cache=none,              | local-zfs:vm-100-disk-1  | cache     | none",
            "host,flags=+pdpe1gb;-spec-ctrl,hidden=1          | host                     | flags     | +pdpe1gb;-spec-ctrl",
            "order=1,up=30                                    |                          | up        | 30",
            "uuid=6f1d6b8e,base64=1,manufacturer=QUJD==       |                          | manufacturer | QUJD==",
            "virtio,bridge=\"vmbr0\"                          | virtio                   | bridge    | \"vmbr0\"",
    })
    void readsTheDefaultValueAndEachPair(String text, String head, String key, String value) {
        PropertyString parsed = PropertyString.parse(text);

        assertThat(parsed.head()).isEqualTo(head);
        assertThat(parsed.get(key)).isEqualTo(value);
    }

    @Test
    void splitsAtEveryCommaBecauseProxmoxHasNoQuoting() {
        // Proxmox VE's own parser splits at each comma: a value can never hold one
        PropertyString parsed = PropertyString.parse("virtio,bridge=\"vmbr0,tag=20\"");

        assertThat(parsed.get("bridge")).isEqualTo("\"vmbr0");
        assertThat(parsed.get("tag")).isEqualTo("20\"");
    }

    @Test
    void keysAreCaseSensitiveAndValuesKeepTheirCase() {
        PropertyString parsed = PropertyString.parse("local-zfs:200,Cache=None");

        assertThat(parsed.get("cache")).isNull();
        assertThat(parsed.get("Cache")).isEqualTo("None");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void nothingParsesToNoHeadAndNoPairs(String text) {
        PropertyString parsed = PropertyString.parse(text);

        assertThat(parsed.head()).isNull();
        assertThat(parsed.options()).isEmpty();
        assertThat(parsed.print()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "'local-zfs:200,cache=none,size=200G', 'local-zfs:200,size=200G,cache=none'",
            "'mapping=rtx3070,pcie=1,x-vga=1',     'x-vga=1,pcie=1,mapping=rtx3070'",
            "'virtio=BC:24:11:AA:BB:CC,bridge=vmbr0,tag=20', 'tag=20,bridge=vmbr0,virtio=BC:24:11:AA:BB:CC'",
    })
    void theOrderOfPairsDoesNotMatter(String text, String reordered) {
        assertThat(PropertyString.parse(text)).isEqualTo(PropertyString.parse(reordered));
        assertThat(PropertyString.parse(text)).isNotEqualTo(PropertyString.parse(reordered + ",extra=1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'local-zfs:vm-100-disk-1,cache=none,size=200G', local-zfs",
            "'local-zfs:200,aio=io_uring',                   local-zfs",
            "'local:iso/virtio-win.iso,media=cdrom',         local",
            "'pbs:backup/vm/100/2026-01-01T00:00:00Z,size=4M', pbs",
            "'none,media=cdrom',                             ",
            "'mapping=rtx3070,pcie=1',                       ",
            "'',                                             ",
    })
    void theStorageIsWhatComesBeforeTheColonOfTheVolume(String text, String storage) {
        assertThat(PropertyString.parse(text).storage()).isEqualTo(storage);
    }

    @Test
    void printsTheDefaultValueFirstThenThePairsInOrder() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("aio", "io_uring");
        options.put("size", "200G");
        options.put("cache", "none");

        assertThat(new PropertyString("local-zfs:vm-100-disk-1", options).print())
                .isEqualTo("local-zfs:vm-100-disk-1,aio=io_uring,size=200G,cache=none");
        assertThat(new PropertyString(null, options).print()).isEqualTo("aio=io_uring,size=200G,cache=none");
        assertThat(new PropertyString("host", Map.of()).print()).isEqualTo("host");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "local-zfs:vm-100-disk-1,aio=io_uring,cache=none,discard=on,iothread=1,size=200G,ssd=1",
            "mapping=rtx3070,pcie=1,x-vga=1",
            "virtio=BC:24:11:AA:BB:CC,bridge=vmbr0,tag=20",
            "host,hidden=1",
    })
    void printsWhatItParsed(String text) {
        assertThat(PropertyString.parse(text).print()).isEqualTo(text);
    }
}
