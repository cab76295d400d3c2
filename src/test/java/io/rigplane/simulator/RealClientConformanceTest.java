package io.rigplane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * What third-party Proxmox clients (a Python library, Ansible's modules and inventory plugin, a typed
 * Node client) see, against the behaviour of Proxmox VE 9 read in its sources (qemu-server,
 * pve-common, pve-http-server, pve-manager). docs/simulator.md cites where each answer comes from.
 */
class RealClientConformanceTest extends SimulatorTestBase {

    // 1. pveproxy only percent-decodes the cookie (uri_unescape): a raw '+' stays a '+'
    @Test
    void ticketCookieIsSentRawWithPlusSigns() {
        api.authorization = null;
        String ticket = null;
        Map<String, Object> login = null;
        for (int i = 0; i < 20 && (ticket == null || !ticket.contains("+")); i++) {
            login = api.post("/access/ticket", "username", "root@pam", "password", "rigplane-demo").dataMap();
            ticket = (String) login.get("ticket");
        }
        assertThat(ticket).contains("+");
        api.cookie = ticket;
        api.rawCookie = true;
        assertThat(api.get("/nodes").status()).isEqualTo(200);
        api.csrf = (String) login.get("CSRFPreventionToken");
        assertThat(api.put(vmPath(100) + "/config", "name", "by-ticket").status()).isEqualTo(200);

        // a client that percent-encodes the cookie is served the same
        api.rawCookie = false;
        assertThat(api.get("/nodes").status()).isEqualTo(200);
    }

    // 2. qemu-server: check_vm_modify_config_perm dies (500), check_hostpci_perm dies (500) or raises
    //    a parameter exception (romfile, 400), skiplock is a parameter exception (400)
    @Test
    void rootOnlyParametersWithATokenAnswerAsQemuServerDoes() {
        PveTestClient.Reply args = api.put(vmPath(100) + "/config", "args", "-cpu host");
        assertThat(args.status()).isEqualTo(500);
        assertThat(args.message()).isEqualTo("only root can set 'args' config\n");
        assertThat(api.rawStatusLine("PUT", vmPath(100) + "/config", "args=-foo"))
                .isEqualTo("HTTP/1.1 500 only root can set 'args' config");
        assertThat(api.post(vmPath(100) + "/config", "args", "-cpu host").message())
                .isEqualTo("only root can set 'args' config\n");
        assertThat(api.put(vmPath(100) + "/config", "lock", "backup").message())
                .isEqualTo("only root can set 'lock' config\n");

        PveTestClient.Reply raw = api.put(vmPath(100) + "/config", "hostpci1", "host=0000:01:00,pcie=1");
        assertThat(raw.status()).isEqualTo(500);
        assertThat(raw.message()).isEqualTo("only root can set 'hostpci1' config for non-mapped devices\n");
        // POST config checks the device inside its worker, like qemu-server's updatefn
        api.runTask(api.post(vmPath(100) + "/config", "hostpci1", "0000:01:00"),
                "only root can set 'hostpci1' config for non-mapped devices");
        PveTestClient.Reply create = api.post("/nodes/srv02/qemu", "vmid", 150, "hostpci0", "0000:01:00");
        assertThat(create.status()).isEqualTo(500);
        assertThat(create.message()).isEqualTo("only root can set 'hostpci0' config for non-mapped devices\n");

        PveTestClient.Reply romfile = api.put(vmPath(100) + "/config", "hostpci1", "mapping=rtx3070,romfile=vbios.rom");
        assertThat(romfile.status()).isEqualTo(400);
        assertThat(romfile.body()).containsEntry("errors", Map.of("hostpci1", "only root@pam can set 'romfile' option"));

        PveTestClient.Reply skiplock = api.put(vmPath(100) + "/config", "name", "x", "skiplock", "1");
        assertThat(skiplock.status()).isEqualTo(400);
        assertThat(skiplock.message()).isEqualTo("Parameter verification failed.\n");
        assertThat(skiplock.body()).containsEntry("errors", Map.of("skiplock", "Only root may use this option."));
        // skiplock=0 is no request to skip the lock
        assertThat(api.put(vmPath(100) + "/config", "name", "x", "skiplock", "0").status()).isEqualTo(200);
        assertThat(api.config("srv02", 100)).doesNotContainKey("args").doesNotContainKey("hostpci1");
    }

    // 3. qemu-server update_vm_api: "checksum mismatch", checked before forking and again in the worker
    @Test
    void staleDigestSaysChecksumMismatch() {
        String digest = (String) api.config("srv02", 100).get("digest");
        assertThat(api.put(vmPath(100) + "/config", "name", "first", "digest", digest).status()).isEqualTo(200);
        PveTestClient.Reply stale = api.put(vmPath(100) + "/config", "name", "second", "digest", digest);
        assertThat(stale.status()).isEqualTo(500);
        assertThat(stale.message()).isEqualTo("checksum mismatch (file change by other user?)\n");
        PveTestClient.Reply staleAsync = api.post(vmPath(100) + "/config", "name", "third", "digest", digest);
        assertThat(staleAsync.status()).isEqualTo(500);
        assertThat(staleAsync.message()).isEqualTo("checksum mismatch (file change by other user?)\n");
        assertThat(api.config("srv02", 100)).containsEntry("name", "first");
    }

    // 4. qemu-server snapshot: 'current' exactly and 'pending' in any case are reserved (die: 500)
    @Test
    void reservedSnapshotNamesAnswer500() {
        PveTestClient.Reply current = api.post(vmPath(100) + "/snapshot", "snapname", "current");
        assertThat(current.status()).isEqualTo(500);
        assertThat(current.message()).isEqualTo("unable to use snapshot name 'current' (reserved name)\n");
        for (String pending : List.of("pending", "PENDING", "Pending")) {
            PveTestClient.Reply r = api.post(vmPath(100) + "/snapshot", "snapname", pending);
            assertThat(r.status()).as(pending).isEqualTo(500);
            assertThat(r.message()).isEqualTo("unable to use snapshot name 'pending' (reserved name)\n");
        }
        // only the exact 'current' is reserved
        api.runTask(api.post(vmPath(100) + "/snapshot", "snapname", "Current"), "OK");
    }

    // 5. pve-common dns-name format and qemu-server's option_exists
    @Test
    void badNameAndUnknownDeleteAnswerProxmoxTexts() {
        PveTestClient.Reply name = api.put(vmPath(100) + "/config", "name", "bad name!");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.body()).containsEntry("errors",
                Map.of("name", "invalid format - value does not look like a valid DNS name\n"));
        PveTestClient.Reply delete = api.put(vmPath(100) + "/config", "delete", "nosuch");
        assertThat(delete.status()).isEqualTo(400);
        assertThat(delete.body()).containsEntry("errors", Map.of("delete", "unknown option 'nosuch'"));
        // a DNS name longer than 63 characters is still a DNS name to pve-common
        assertThat(api.put(vmPath(100) + "/config", "name", "a".repeat(70)).status()).isEqualTo(200);
    }

    // 6. pve-manager: cluster status lists the cluster and its nodes; no containers and no pools is []
    @Test
    @SuppressWarnings("unchecked")
    void clusterStatusContainersAndPoolsAnswerRealShapes() {
        List<Map<String, Object>> status = (List<Map<String, Object>>) api.get("/cluster/status").data();
        assertThat(status).hasSize(3);
        assertThat(status.get(0)).containsOnlyKeys("type", "id", "name", "nodes", "version", "quorate")
                .containsEntry("type", "cluster").containsEntry("id", "cluster").containsEntry("nodes", 2)
                .containsEntry("quorate", 1);
        assertThat(status.subList(1, 3)).allSatisfy(n -> assertThat(n)
                .containsOnlyKeys("type", "id", "name", "nodeid", "local", "online", "ip", "level")
                .containsEntry("type", "node").containsEntry("online", 1));
        assertThat(status.stream().map(n -> n.get("id"))).contains("node/srv02", "node/srv03");
        assertThat(status.stream().filter(n -> Integer.valueOf(1).equals(n.get("local")))).hasSize(1);

        assertThat(api.get("/nodes/srv02/lxc").data()).isEqualTo(List.of());
        assertThat(api.get("/pools").data()).isEqualTo(List.of());
        PveTestClient.Reply noPool = api.get("/pools", "poolid", "games");
        assertThat(noPool.status()).isEqualTo(500);
        assertThat(noPool.message()).isEqualTo("pool 'games' does not exist\n");

        sim.setNodeOnline("srv03", false);
        List<Map<String, Object>> offline = (List<Map<String, Object>>) api.get("/cluster/status").data();
        assertThat(offline.stream().filter(n -> "node/srv03".equals(n.get("id"))).findFirst().orElseThrow())
                .containsEntry("online", 0);
        assertThat(api.get("/nodes/srv03/lxc").status()).isEqualTo(595);
    }

    // 7a. qemu-server stores property strings as given (only drives, nets and a boot order are rewritten)
    @Test
    void agentIsStoredAsGiven() {
        assertThat(api.put(vmPath(100) + "/config", "agent", "enabled=1").status()).isEqualTo(200);
        assertThat(api.config("srv02", 100)).containsEntry("agent", "enabled=1");
        assertThat(api.put(vmPath(100) + "/config", "agent", "1,fstrim_cloned_disks=1").status()).isEqualTo(200);
        assertThat(api.config("srv02", 100)).containsEntry("agent", "1,fstrim_cloned_disks=1");
    }

    // 7b. qemu-server Machine.pm: check_and_pin_machine_string prints the pinning line
    @Test
    void windowsCreateLogsThePinnedMachine() {
        Map<String, Object> status = api.runTask(api.post("/nodes/srv02/qemu", "vmid", 151, "ostype", "win11",
                "machine", "q35", "scsi0", "local-zfs:4"), "OK");
        List<String> log = new ArrayList<>();
        api.taskLog((String) status.get("upid")).forEach(l -> log.add((String) l.get("t")));
        assertThat(log).contains("pinning machine type to 'pc-q35-10.0+pve0' for Windows guest OS");
        assertThat(api.config("srv02", 151)).containsEntry("machine", "pc-q35-10.0+pve0");
    }

    // 7c. qemu-server: default boot order is the first disk, the first CD-ROM and the first NIC;
    //     with none of them print_bootorder gives '' and the file's "boot: " line reads back as ' '
    @Test
    void bootOrderOnCreateIsAsQemuServerWritesIt() {
        api.runTask(api.post("/nodes/srv02/qemu", "vmid", 152, "cores", 1), "OK");
        assertThat(api.config("srv02", 152)).containsEntry("boot", " ");
        api.runTask(api.post("/nodes/srv02/qemu", "vmid", 153, "scsi0", "local-zfs:4", "scsi1", "local-zfs:4",
                "ide2", "none,media=cdrom", "net0", "virtio,bridge=vmbr0", "net1", "virtio,bridge=vmbr0"), "OK");
        assertThat(api.config("srv02", 153)).containsEntry("boot", "order=scsi0;ide2;net0");
    }

    // 7d. pve-http-server: every answer with status >= 400 closes the connection
    @Test
    void errorAnswersCloseTheConnection() throws Exception {
        try (SSLSocket s = socket()) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(request("/nodes").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            List<String> ok = readHead(in);
            assertThat(ok).contains("Connection: Keep-Alive");
            in.readNBytes(contentLength(ok));
            out.write(request("/nodes/srv02/qemu/999/config").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            List<String> head = readHead(in);
            assertThat(head.get(0)).startsWith("HTTP/1.1 500");
            assertThat(head).contains("Connection: close");
            int length = contentLength(head);
            assertThat(in.readNBytes(length)).hasSize(length);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    private SSLSocket socket() throws Exception {
        URI base = URI.create(sim.url());
        SSLSocket s = (SSLSocket) PveTestClient.trustAll().getSocketFactory().createSocket(base.getHost(), base.getPort());
        s.setSoTimeout(10_000);
        return s;
    }

    private String request(String path) {
        return "GET " + PveTestClient.API + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + api.authorization
                + "\r\n\r\n";
    }

    private static int contentLength(List<String> head) {
        return head.stream().filter(h -> h.startsWith("Content-Length: ")).findFirst()
                .map(h -> Integer.parseInt(h.substring(16))).orElseThrow();
    }

    private static List<String> readHead(InputStream in) throws Exception {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                return lines;
            }
            if (c == '\n') {
                String l = line.toString().replace("\r", "");
                if (l.isEmpty()) {
                    return lines;
                }
                lines.add(l);
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
    }
}
