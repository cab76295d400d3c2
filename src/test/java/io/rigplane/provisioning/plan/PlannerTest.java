package io.rigplane.provisioning.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rigplane.profile.ConfigEntry;
import io.rigplane.profile.Layer;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.provisioning.Change;
import io.rigplane.provisioning.ChangeAction;
import io.rigplane.provisioning.ChangeEffect;
import io.rigplane.proxmox.PropertyString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan is all that stands between a profile and a VM's disks: every rule that refuses a
 * destructive change, every effect a change can have, and the comparisons that keep a VM that
 * matches its profile from showing any change at all.
 */
class PlannerTest {

    private static final List<String> IDENTITY = List.of("rigplane-7");
    private static final String DISK_OPTIONS = "aio=io_uring,cache=none,discard=on,iothread=1";
    private static final String MAC = "BC:24:11:AA:BB:CC";

    // --- a VM that matches its profile has no changes

    @ParameterizedTest(name = "running={0}")
    @ValueSource(booleans = {true, false})
    void aVmThatMatchesItsProfileHasNoChanges(boolean running) {
        assertThat(plan(Profile.gamingPc(), vm(), running)).isEmpty();
    }

    @Test
    void comparesValuesTheWayProxmoxMeansThemNotTheWayItPrintsThem() {
        Map<String, String> vm = vm();
        vm.put("agent", "enabled=1,fstrim_cloned_disks=1");
        vm.put("memory", "current=32768");
        vm.put("machine", "pc-q35-10.0+pve0");
        vm.put("hostpci0", "x-vga=on,mapping=rtx3070,pcie=true");
        vm.put("scsi1", "local-zfs:vm-100-disk-2,size=512000M,ssd=1,iothread=1,discard=on,cache=none,aio=io_uring");
        vm.put("tags", "Rigplane-7,gaming rigplane");
        vm.put("net0", "bridge=vmbr0,firewall=1,virtio=" + MAC.toLowerCase());

        assertThat(plan(Profile.gamingPc(), vm, true)).isEmpty();
    }

    @Test
    void leavesAloneKeysTheProfileDoesNotManage() {
        Map<String, String> vm = vm();
        vm.put("usb0", "host=046d:c52b");
        vm.put("args", "-cpu host");
        vm.put("virtio1", "local-zfs:vm-100-disk-5,size=32G");
        vm.put("sata0", "local-zfs:vm-100-disk-6,size=8G");
        vm.put("unused0", "local-zfs:vm-100-disk-7");
        vm.put("scsi3", "local:iso/Win11_24H2.iso,media=cdrom,size=5G");

        assertThat(plan(Profile.gamingPc(), vm, true)).isEmpty();
    }

    // --- every rule that protects a disk

    static Stream<Arguments> destructiveChanges() {
        return Stream.of(
                refusal("shrinking a disk", p -> p.disk("scsi1", "local-zfs", 2, 400), vm -> { },
                        "scsi1", "shrinking a disk destroys data: it has 500G, the profile asks for 400G"),
                refusal("shrinking a disk by a single MiB", p -> { },
                        vm -> vm.put("scsi1", "local-zfs:vm-100-disk-2," + DISK_OPTIONS + ",size=512001M,ssd=1"),
                        "scsi1", "shrinking a disk destroys data"),
                refusal("shrinking a disk whose options differ too", p -> p.disk("scsi1", "local-zfs", 2, 400),
                        vm -> vm.put("scsi1", "local-zfs:vm-100-disk-2,cache=writeback,size=500G"),
                        "scsi1", "shrinking a disk destroys data"),
                refusal("moving a disk to another storage", p -> p.disk("scsi1", "tank", 2, 500), vm -> { },
                        "scsi1", "the disk is on local-zfs; moving it to tank is a disk move"),
                refusal("moving a disk to another storage and growing it", p -> p.disk("scsi1", "tank", 2, 800),
                        vm -> { }, "scsi1", "moving it to tank"),
                refusal("removing a disk from the profile", p -> p.remove("scsi1"), vm -> { },
                        "scsi1", "the profile has no disk scsi1, but removing a disk destroys its data"),
                refusal("a disk added to the VM by hand", p -> { },
                        vm -> vm.put("scsi2", "local-zfs:vm-100-disk-4,size=64G"),
                        "scsi2", "removing a disk destroys its data"),
                refusal("moving a disk to another slot", p -> p.remove("scsi1").disk("scsi2", "local-zfs", 2, 500),
                        vm -> { }, "scsi1", "the profile has no disk scsi1"),
                refusal("changing the EFI type", p -> p.volume("efidisk0",
                                "local-zfs:vm-100-disk-0,efitype=2m,pre-enrolled-keys=1,size=1M",
                                "local-zfs:1,efitype=2m,pre-enrolled-keys=1"), vm -> { },
                        "efidisk0", "changing efitype recreates the EFI disk"),
                refusal("dropping the pre-enrolled Secure Boot keys", p -> p.volume("efidisk0",
                                "local-zfs:vm-100-disk-0,efitype=4m,pre-enrolled-keys=0,size=1M",
                                "local-zfs:1,efitype=4m,pre-enrolled-keys=0"), vm -> { },
                        "efidisk0", "changing pre-enrolled-keys recreates the EFI disk"),
                refusal("moving the EFI disk to another storage", p -> p.volume("efidisk0",
                                "tank:vm-100-disk-0,efitype=4m,pre-enrolled-keys=1,size=1M",
                                "tank:1,efitype=4m,pre-enrolled-keys=1"), vm -> { },
                        "efidisk0", "the EFI disk is on local-zfs; moving it is a disk move"),
                refusal("changing the TPM version", p -> p.volume("tpmstate0",
                                "local-zfs:vm-100-disk-3,size=4M,version=v1.2", "local-zfs:1,version=v1.2"), vm -> { },
                        "tpmstate0", "the TPM version can never change"),
                refusal("a VM whose TPM is the default v1.2", p -> { },
                        vm -> vm.put("tpmstate0", "local-zfs:vm-100-disk-3,size=4M"),
                        "tpmstate0", "the VM keeps v1.2"));
    }

    private static Arguments refusal(String what, Consumer<Profile> profile, Consumer<Map<String, String>> vm,
            String key, String reason) {
        return Arguments.of(what, profile, vm, key, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("destructiveChanges")
    void refusesEveryChangeThatWouldDestroyData(String what, Consumer<Profile> profileChange,
            Consumer<Map<String, String>> vmChange, String key, String reason) {
        for (boolean running : List.of(true, false)) {
            Profile profile = Profile.gamingPc();
            profileChange.accept(profile);
            Map<String, String> vm = vm();
            vmChange.accept(vm);

            List<Change> changes = plan(profile, vm, running);

            Change refused = change(changes, key).orElseThrow(() -> new AssertionError(what + ": no change of " + key));
            assertThat(refused.effect()).as(what).isEqualTo(ChangeEffect.REFUSED);
            assertThat(refused.action()).as(what).isEqualTo(ChangeAction.NONE);
            assertThat(refused.send()).as(what).isNull();
            assertThat(refused.applicable()).as(what).isFalse();
            assertThat(refused.reason()).as(what).contains(reason);
            assertThat(changes).as(what + ": one change per key").filteredOn(change -> change.key().equals(key))
                    .hasSize(1);
            assertThat(changes).as(what + ": nothing deletes a disk")
                    .noneMatch(change -> isVolume(change.key()) && change.action() == ChangeAction.DELETE);
        }
    }

    @Test
    void aDiskMovedToAnotherSlotIsAddedAsANewDiskAndTheOldOneKept() {
        List<Change> changes = plan(Profile.gamingPc().remove("scsi1").disk("scsi2", "local-zfs", 2, 500), vm(), true);

        assertThat(changes).extracting(Change::key, Change::effect, Change::action)
                .containsExactlyInAnyOrder(
                        tuple("scsi2", ChangeEffect.LIVE, ChangeAction.SET),
                        tuple("scsi1", ChangeEffect.REFUSED, ChangeAction.NONE));
        assertThat(change(changes, "scsi2").orElseThrow().send())
                .isEqualTo("local-zfs:500," + DISK_OPTIONS + ",ssd=1");
    }

    // --- disk sizes: grow, keep or refuse

    @ParameterizedTest(name = "VM {0}, profile {1}G: {2}")
    @CsvSource({
            "500G,          500, NONE",
            "512000M,       500, NONE",
            "536870912000,  500, NONE",
            "524288000K,    500, NONE",
            "500G,          800, RESIZE",
            "499.5G,        500, RESIZE",
            "0.5T,          500, REFUSED",
            "500.5G,        500, REFUSED",
            "524288001K,    500, REFUSED",
            "536870912001,  500, REFUSED",
    })
    void growsDisksAndNeverShrinksThem(String vmSize, int profileGiB, String outcome) {
        Map<String, String> vm = vm();
        vm.put("scsi1", "local-zfs:vm-100-disk-2," + DISK_OPTIONS + ",size=" + vmSize + ",ssd=1");

        Optional<Change> change = change(plan(Profile.gamingPc().disk("scsi1", "local-zfs", 2, profileGiB), vm, true),
                "scsi1");

        switch (outcome) {
            case "NONE" -> assertThat(change).isEmpty();
            case "RESIZE" -> {
                assertThat(change.orElseThrow().action()).isEqualTo(ChangeAction.RESIZE);
                assertThat(change.orElseThrow().effect()).isEqualTo(ChangeEffect.LIVE);
                assertThat(change.orElseThrow().send()).isEqualTo(profileGiB + "G");
            }
            default -> assertThat(change.orElseThrow().effect()).isEqualTo(ChangeEffect.REFUSED);
        }
    }

    @Test
    void aDiskWithDriftedOptionsKeepsItsVolumeSizeAndOtherOptions() {
        Map<String, String> vm = vm();
        vm.put("scsi1", "local-zfs:vm-100-disk-2,backup=0,cache=writeback,size=500G");

        Change change = change(plan(Profile.gamingPc(), vm, true), "scsi1").orElseThrow();

        assertThat(change.action()).isEqualTo(ChangeAction.SET);
        assertThat(change.effect()).isEqualTo(ChangeEffect.PENDING_RESTART);
        assertThat(PropertyString.parse(change.send())).isEqualTo(PropertyString.parse(
                "local-zfs:vm-100-disk-2,aio=io_uring,backup=0,cache=none,discard=on,iothread=1,size=500G,ssd=1"));
        assertThat(change.send()).startsWith("local-zfs:vm-100-disk-2,");
    }

    @Test
    void aDiskOptionTheProfileDoesNotSetIsRemoved() {
        Map<String, String> vm = vm();
        vm.put("scsi1", "local-zfs:vm-100-disk-2," + DISK_OPTIONS + ",size=500G,ssd=1");
        Profile noSsd = Profile.gamingPc().volume("scsi1", "local-zfs:vm-100-disk-2," + DISK_OPTIONS + ",size=500G",
                "local-zfs:500," + DISK_OPTIONS);

        Change change = change(plan(noSsd, vm, false), "scsi1").orElseThrow();

        assertThat(PropertyString.parse(change.send()).options()).doesNotContainKey("ssd").containsEntry("size", "500G");
        assertThat(change.effect()).isEqualTo(ChangeEffect.LIVE);
    }

    // --- every effect

    @ParameterizedTest(name = "{0}={1} on a running VM: {2}")
    @CsvSource({
            "cores,       12,                          PENDING_RESTART",
            "memory,      16384,                       PENDING_RESTART",
            "cpu,         'host,hidden=1,flags=+pdpe1gb', PENDING_RESTART",
            "machine,     pc-q35-9.2,                  PENDING_RESTART",
            "hostpci0,    'mapping=rtx4090,pcie=1,x-vga=1', PENDING_RESTART",
            "sockets,     2,                           PENDING_RESTART",
            "vga,         std,                         PENDING_RESTART",
            "bios,        seabios,                     PENDING_RESTART",
            "name,        gaming-pc-2,                 LIVE",
            "description, for the living room,         LIVE",
            "onboot,      1,                           LIVE",
            "startup,     'order=2,up=30',             LIVE",
            "protection,  1,                           LIVE",
            "agent,       0,                           LIVE",
            "balloon,     1024,                        LIVE",
            "net0,        'virtio,bridge=vmbr1',       LIVE",
            "net1,        'virtio,bridge=vmbr2',       LIVE",
    })
    void aChangeOnARunningVmIsLiveOnlyWhereProxmoxHotPlugsIt(String key, String value, ChangeEffect effect) {
        List<Change> changes = plan(Profile.gamingPc().put(key, value), vm(), true);

        assertThat(changes).hasSize(1);
        Change change = changes.get(0);
        assertThat(change.key()).isEqualTo(key);
        assertThat(change.desired()).isEqualTo(value);
        assertThat(change.action()).isEqualTo(ChangeAction.SET);
        assertThat(change.effect()).isEqualTo(effect);
        assertThat(change.applicable()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cores", "memory", "machine", "bios", "hostpci0", "name"})
    void everyChangeToAStoppedVmIsLive(String key) {
        Profile profile = Profile.gamingPc().put(key, Map.of("cores", "12", "memory", "16384", "machine", "pc-q35-9.2",
                "bios", "seabios", "hostpci0", "mapping=rtx4090,pcie=1,x-vga=1", "name", "other").get(key));

        assertThat(plan(profile, vm(), false)).singleElement()
                .satisfies(change -> assertThat(change.effect()).isEqualTo(ChangeEffect.LIVE));
    }

    @ParameterizedTest(name = "{0} on a {1} VM: {2}")
    @CsvSource({
            "hostpci0, running, PENDING_RESTART",
            "hostpci0, stopped, LIVE",
            "sockets,  running, PENDING_RESTART",
            "onboot,   running, LIVE",
            "balloon,  running, LIVE",
    })
    void aSettingTheProfileNoLongerSetsIsDeleted(String key, String state, ChangeEffect effect) {
        Map<String, String> vm = vm();
        vm.putIfAbsent(key, "2");

        List<Change> changes = plan(Profile.gamingPc().remove(key), vm, state.equals("running"));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo(key);
            assertThat(change.action()).isEqualTo(ChangeAction.DELETE);
            assertThat(change.effect()).isEqualTo(effect);
            assertThat(change.current()).isEqualTo(vm.get(key));
            assertThat(change.desired()).isNull();
        });
    }

    @ParameterizedTest(name = "running={0}")
    @ValueSource(booleans = {true, false})
    void aNewDiskIsCreatedEmptyAndHotPlugged(boolean running) {
        Profile profile = Profile.gamingPc().disk("scsi2", "local-zfs", 4, 100);

        assertThat(plan(profile, vm(), running)).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo("scsi2");
            assertThat(change.effect()).isEqualTo(ChangeEffect.LIVE);
            assertThat(change.action()).isEqualTo(ChangeAction.SET);
            assertThat(change.send()).isEqualTo("local-zfs:100," + DISK_OPTIONS + ",ssd=1");
        });
    }

    @ParameterizedTest(name = "{0} missing on a {1} VM: {2}")
    @CsvSource({
            "efidisk0,  running, PENDING_RESTART, 'local-zfs:1,efitype=4m,pre-enrolled-keys=1'",
            "efidisk0,  stopped, LIVE,            'local-zfs:1,efitype=4m,pre-enrolled-keys=1'",
            "tpmstate0, running, PENDING_RESTART, 'local-zfs:1,version=v2.0'",
            "tpmstate0, stopped, LIVE,            'local-zfs:1,version=v2.0'",
    })
    void aMissingEfiDiskOrTpmIsCreated(String key, String state, ChangeEffect effect, String send) {
        Map<String, String> vm = vm();
        vm.remove(key);

        assertThat(plan(Profile.gamingPc(), vm, state.equals("running"))).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo(key);
            assertThat(change.effect()).isEqualTo(effect);
            assertThat(change.action()).isEqualTo(ChangeAction.SET);
            assertThat(change.send()).isEqualTo(send);
        });
    }

    @Test
    void createSendsEveryKeyWithTheVolumesCreateFormAndTheIdentityTag() {
        RenderedConfig desired = Profile.gamingPc().render();

        List<Change> changes = Planner.create(desired, IDENTITY);

        assertThat(changes).extracting(Change::key).containsExactlyElementsOf(
                desired.entries().stream().map(ConfigEntry::key).toList());
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.effect()).isEqualTo(ChangeEffect.CREATE);
            assertThat(change.action()).isEqualTo(ChangeAction.CREATE);
            assertThat(change.current()).isNull();
        });
        assertThat(change(changes, "scsi1").orElseThrow().send()).isEqualTo("local-zfs:500," + DISK_OPTIONS + ",ssd=1");
        assertThat(change(changes, "efidisk0").orElseThrow().send())
                .isEqualTo("local-zfs:1,efitype=4m,pre-enrolled-keys=1");
        assertThat(change(changes, "tpmstate0").orElseThrow().send()).isEqualTo("local-zfs:1,version=v2.0");
        assertThat(change(changes, "tags").orElseThrow().send()).isEqualTo("gaming;rigplane;rigplane-7");
        assertThat(change(changes, "cores").orElseThrow().send()).isEqualTo("8");
    }

    // --- tags

    @ParameterizedTest(name = "VM tags {0}")
    @CsvSource(delimiter = '|', value = {
            "gaming;rigplane                    | gaming;rigplane;rigplane-7",
            "gaming;rigplane;rigplane-7;old     | gaming;rigplane;rigplane-7",
            "rigplane;rigplane-7                | gaming;rigplane;rigplane-7",
    })
    void tagsAreSetToTheProfilesWithTheIdentityTag(String vmTags, String sent) {
        Map<String, String> vm = vm();
        vm.put("tags", vmTags);

        assertThat(plan(Profile.gamingPc(), vm, true)).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo("tags");
            assertThat(change.effect()).isEqualTo(ChangeEffect.LIVE);
            assertThat(change.send()).isEqualTo(sent);
        });
    }

    // --- the network card keeps its MAC address

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "virtio,bridge=vmbr1                | virtio=BC:24:11:AA:BB:CC,bridge=vmbr1",
            "virtio,bridge=vmbr0,tag=20         | virtio=BC:24:11:AA:BB:CC,bridge=vmbr0,tag=20",
            "e1000,bridge=vmbr0                 | e1000=BC:24:11:AA:BB:CC,bridge=vmbr0",
            "virtio=BC:24:11:00:00:01,bridge=vmbr0 | virtio=BC:24:11:00:00:01,bridge=vmbr0",
    })
    void aChangedNetworkCardKeepsTheVmsMacUnlessTheProfileFixesOne(String profileValue, String sent) {
        // Proxmox gives a card sent without a MAC a new random one: the guest would see a new
        // adapter and Wake-on-LAN clients would wake a MAC that no longer exists
        Change change = change(plan(Profile.gamingPc().put("net0", profileValue), vm(), true), "net0").orElseThrow();

        assertThat(change.action()).isEqualTo(ChangeAction.SET);
        assertThat(change.effect()).isEqualTo(ChangeEffect.LIVE);
        assertThat(change.desired()).isEqualTo(profileValue);
        assertThat(PropertyString.parse(change.send())).isEqualTo(PropertyString.parse(sent));
        assertThat(NetworkCard.parse(change.send()).mac()).isEqualTo(NetworkCard.parse(sent).mac());
    }

    @Test
    void aNewNetworkCardIsLeftToProxmoxForItsMac() {
        Change change = change(plan(Profile.gamingPc().put("net1", "virtio,bridge=vmbr2"), vm(), true), "net1")
                .orElseThrow();

        assertThat(change.send()).isEqualTo("virtio,bridge=vmbr2");
    }

    // --- equivalence of single values

    @ParameterizedTest(name = "{0}: {1} vs {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "machine     | pc-q35-10.0                    | pc-q35-10.0+pve0                          | true",
            "machine     | pc-q35-10.0                    | pc-q35-10.0                               | true",
            "machine     | pc-q35-10.0                    | pc-q35-10.0+pve1                          | false",
            "machine     | pc-q35-10.0                    | pc-q35-9.2+pve0                           | false",
            "description | for streaming                  | '  for streaming\n'                       | true",
            "description | for streaming                  | for gaming                                | false",
            "memory      | 32768                          | current=32768                             | true",
            "memory      | 32768                          | 32768                                     | true",
            "memory      | 32768                          | current=16384                             | false",
            "agent       | 1                              | enabled=1,fstrim_cloned_disks=1           | true",
            "agent       | 1                              | 1,fstrim_cloned_disks=1                   | true",
            "agent       | 1                              | ON                                        | true",
            "agent       | 1                              | enabled=0                                 | false",
            "onboot      | 1                              | yes                                       | true",
            "onboot      | 0                              | False                                     | true",
            "onboot      | 1                              | 0                                         | false",
            "cpu         | host,hidden=1                  | host,hidden=true                          | true",
            "cpu         | host,hidden=1                  | host                                      | false",
            "cpu         | host,hidden=1                  | kvm64,hidden=1                            | false",
            "hostpci0    | mapping=rtx3070,pcie=1,x-vga=1 | x-vga=1,pcie=1,mapping=rtx3070            | true",
            "hostpci0    | mapping=rtx3070,pcie=1,x-vga=1 | mapping=rtx3070,pcie=1                    | false",
            "hostpci0    | mapping=rtx3070,pcie=1,x-vga=1 | mapping=RTX3070,pcie=1,x-vga=1            | false",
            "net0        | virtio,bridge=vmbr0            | virtio=BC:24:11:AA:BB:CC,bridge=vmbr0,firewall=1 | true",
            "net0        | virtio,bridge=vmbr0            | virtio=BC:24:11:AA:BB:CC,bridge=vmbr1     | false",
            "net0        | virtio,bridge=vmbr0            | virtio=BC:24:11:AA:BB:CC,bridge=vmbr0,tag=20 | false",
            "net0        | virtio,bridge=vmbr0            | e1000=BC:24:11:AA:BB:CC,bridge=vmbr0      | false",
            "net0        | virtio,bridge=vmbr0            | bridge=vmbr0,model=virtio,macaddr=BC:24:11:AA:BB:CC | true",
            "net0        | virtio=BC:24:11:AA:BB:CC,bridge=vmbr0 | virtio=bc:24:11:aa:bb:cc,bridge=vmbr0 | true",
            "net0        | virtio=BC:24:11:AA:BB:CC,bridge=vmbr0 | virtio=BC:24:11:AA:BB:CD,bridge=vmbr0 | false",
            "cores       | 8                              | 8                                         | true",
            "cores       | 8                              | 12                                        | false",
    })
    void comparesEachKeyByWhatItMeans(String key, String desired, String current, boolean equivalent) {
        assertThat(Planner.equivalent(key, desired, current)).isEqualTo(equivalent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cores", "machine", "description", "memory", "agent", "net0"})
    void aKeyTheVmLacksDiffersFromAnythingButProxmoxsDefault(String key) {
        assertThat(Planner.equivalent(key, "7", null)).isFalse();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"cores, 1", "sockets, 1", "agent, 0"})
    void askingForTheDefaultOfAKeyTheVmLacksChangesNothing(String key, String defaultValue) {
        assertThat(Planner.equivalent(key, defaultValue, null)).isTrue();
    }

    // --- fixtures

    private static List<Change> plan(Profile profile, Map<String, String> vm, boolean running) {
        return Planner.diff(profile.render(), IDENTITY, new Observed(vm, Set.of(), running));
    }

    private static Optional<Change> change(List<Change> changes, String key) {
        return changes.stream().filter(change -> change.key().equals(key)).findFirst();
    }

    private static boolean isVolume(String key) {
        return key.matches("^(scsi|virtio|sata|ide|efidisk|tpmstate|unused)\\d+$");
    }

    /** VM 100 as Proxmox reports it for {@link Profile#gamingPc()}, with the keys Proxmox adds. */
    private static Map<String, String> vm() {
        Map<String, String> config = new TreeMap<>();
        config.put("agent", "1");
        config.put("balloon", "0");
        config.put("bios", "ovmf");
        config.put("boot", "order=scsi0;ide2;net0");
        config.put("cores", "8");
        config.put("cpu", "host,hidden=1");
        config.put("digest", "3f2c6b1e9a");
        config.put("efidisk0", "local-zfs:vm-100-disk-0,efitype=4m,pre-enrolled-keys=1,size=1M");
        config.put("hostpci0", "mapping=rtx3070,pcie=1,x-vga=1");
        config.put("ide2", "local:iso/virtio-win.iso,media=cdrom,size=708140K");
        config.put("machine", "pc-q35-10.0");
        config.put("memory", "32768");
        config.put("meta", "creation-qemu=10.0.2,ctime=1764126000");
        config.put("name", "gaming-pc");
        config.put("net0", "virtio=" + MAC + ",bridge=vmbr0");
        config.put("ostype", "win11");
        config.put("scsi0", "local-zfs:vm-100-disk-1," + DISK_OPTIONS + ",size=200G,ssd=1");
        config.put("scsi1", "local-zfs:vm-100-disk-2," + DISK_OPTIONS + ",size=500G,ssd=1");
        config.put("scsihw", "virtio-scsi-single");
        config.put("smbios1", "uuid=6f1d6b8e-0c8a-4d3f-9b1e-2a7c5e4d3c21");
        config.put("tags", "gaming;rigplane;rigplane-7");
        config.put("tpmstate0", "local-zfs:vm-100-disk-3,size=4M,version=v2.0");
        config.put("vmgenid", "0d3c2b1a-5e4f-4a6b-8c7d-9e0f1a2b3c4d");
        return config;
    }

    /** A rendered profile, shaped as windows-11-gaming renders it for VM 100. */
    static final class Profile {

        /** Keys the platform manages even where the profile sets none: its overridable settings and the GPU. */
        private static final Set<String> MANAGED = Set.of("affinity", "agent", "balloon", "cpu", "cpuunits",
                "hugepages", "machine", "numa", "onboot", "sockets", "startup", "vga", "hostpci0");

        private final Map<String, ConfigEntry> entries = new TreeMap<>();

        static Profile gamingPc() {
            return new Profile()
                    .put("agent", "1")
                    .put("balloon", "0")
                    .put("bios", "ovmf")
                    .put("cores", "8")
                    .put("cpu", "host,hidden=1")
                    .volume("efidisk0", "local-zfs:vm-100-disk-0,efitype=4m,pre-enrolled-keys=1,size=1M",
                            "local-zfs:1,efitype=4m,pre-enrolled-keys=1")
                    .put("hostpci0", "mapping=rtx3070,pcie=1,x-vga=1")
                    .put("machine", "pc-q35-10.0")
                    .put("memory", "32768")
                    .put("name", "gaming-pc")
                    .put("net0", "virtio,bridge=vmbr0")
                    .put("ostype", "win11")
                    .disk("scsi0", "local-zfs", 1, 200)
                    .disk("scsi1", "local-zfs", 2, 500)
                    .put("scsihw", "virtio-scsi-single")
                    .put("tags", "gaming;rigplane")
                    .volume("tpmstate0", "local-zfs:vm-100-disk-3,size=4M,version=v2.0", "local-zfs:1,version=v2.0");
        }

        Profile put(String key, String value) {
            entries.put(key, new ConfigEntry(key, value, null, Layer.PROFILE));
            return this;
        }

        Profile volume(String key, String value, String createValue) {
            entries.put(key, new ConfigEntry(key, value, createValue, Layer.PLATFORM));
            return this;
        }

        Profile disk(String slot, String storage, int volume, int gib) {
            return volume(slot, storage + ":vm-100-disk-" + volume + "," + DISK_OPTIONS + ",size=" + gib + "G,ssd=1",
                    storage + ":" + gib + "," + DISK_OPTIONS + ",ssd=1");
        }

        Profile remove(String key) {
            entries.remove(key);
            return this;
        }

        RenderedConfig render() {
            Set<String> managed = new TreeSet<>(MANAGED);
            managed.addAll(entries.keySet());
            return new RenderedConfig("gaming-pc", "windows-11-gaming", List.copyOf(entries.values()),
                    List.copyOf(managed));
        }
    }
}
