package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.ClientSettings;
import io.rigplane.proxmox.internal.ClusterResource;
import io.rigplane.proxmox.internal.ConnectionCheck;
import io.rigplane.proxmox.internal.ConnectionChecker;
import io.rigplane.proxmox.internal.Fields;
import io.rigplane.proxmox.internal.NodeStatus;
import io.rigplane.proxmox.internal.PciDevice;
import io.rigplane.proxmox.internal.ProxmoxParameterException;
import io.rigplane.proxmox.internal.ProxmoxTimeoutException;
import io.rigplane.proxmox.internal.PveHttp;
import io.rigplane.proxmox.internal.TaskStatus;
import io.rigplane.proxmox.internal.TaskSummary;
import io.rigplane.proxmox.internal.TaskWaiter;
import io.rigplane.proxmox.internal.VersionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The typed client of one Proxmox VE cluster; thread-safe. Reads are retried with backoff, writes
 * only on lock contention. Slow operations return a {@link Upid}: wait for it with {@link #await}.
 * Every failure is a {@link ProxmoxException} subclass.
 */
public class ProxmoxClient {

    private static final String VM = "/nodes/{node}/qemu/{vmid}";

    private final ClusterConnection connection;
    private final PveHttp http;
    private final TaskWaiter tasks;

    ProxmoxClient(ClusterConnection connection, ClientSettings settings) {
        this.connection = connection;
        this.http = new PveHttp(connection, settings);
        this.tasks = new TaskWaiter(this);
    }

    public String clusterId() {
        return connection.id();
    }

    /** The base URL (never the token). */
    public String url() {
        return connection.url();
    }

    public VersionInfo version() {
        return VersionInfo.from(Fields.of(get(PveHttp.Call.get("/version"))));
    }

    public List<NodeSummary> nodes() {
        return Fields.list(get(PveHttp.Call.get("/nodes")), NodeSummary::from);
    }

    public NodeStatus nodeStatus(String node) {
        return NodeStatus.from(node, Fields.of(get(PveHttp.Call.get("/nodes/{node}/status", node))));
    }

    /** The lowest free VMID (Proxmox answers it as a string). */
    public int nextVmid() {
        Long id = Fields.asLong(get(PveHttp.Call.get("/cluster/nextid")));
        if (id == null) {
            throw new ProxmoxUnavailableException(200, "GET /cluster/nextid: no number in the answer");
        }
        return id.intValue();
    }

    /** Whether no VM or container uses this VMID (Proxmox answers 400 "already exists" otherwise). */
    public boolean vmidFree(int vmid) {
        try {
            get(PveHttp.Call.get("/cluster/nextid").query("vmid", vmid));
            return true;
        } catch (ProxmoxParameterException e) {
            if (e.errors().stream().anyMatch(f -> f.message().contains("already exists"))
                    || String.valueOf(e.getMessage()).contains("already exists")) {
                return false;
            }
            throw e;
        }
    }

    public List<ClusterVm> vms() {
        return Fields.list(get(PveHttp.Call.get("/cluster/resources").query("type", "vm")), f -> ClusterVm.from(f, null));
    }

    /** The VMs of one node ({@code GET /nodes/{node}/qemu}). */
    public List<ClusterVm> vms(String node) {
        return Fields.list(get(PveHttp.Call.get("/nodes/{node}/qemu", node)), f -> ClusterVm.from(f, node));
    }

    /** Every cluster resource: VMs, nodes, storages, pools. */
    public List<ClusterResource> resources() {
        return Fields.list(get(PveHttp.Call.get("/cluster/resources")), ClusterResource::from);
    }

    /** The storages every node reaches ({@code shared: 1}): a migration leaves disks there in place. */
    public java.util.Set<String> sharedStorages() {
        java.util.Set<String> shared = new java.util.TreeSet<>();
        Fields.list(get(PveHttp.Call.get("/cluster/resources").query("type", "storage")), ClusterResource::from)
                .stream().filter(r -> "storage".equals(r.type()))
                .filter(r -> "1".equals(String.valueOf(r.values().get("shared"))))
                .forEach(r -> shared.add(String.valueOf(r.values().get("storage"))));
        return shared;
    }

    /** The config with pending values applied (what the VM will run after its next restart). */
    public VmConfig config(String node, int vmid) {
        return VmConfig.from(Fields.of(get(PveHttp.Call.get(VM + "/config", node, vmid))));
    }

    /** The config in effect now ({@code current=1}). */
    public VmConfig currentConfig(String node, int vmid) {
        return VmConfig.from(Fields.of(get(PveHttp.Call.get(VM + "/config", node, vmid).query("current", 1))));
    }

    public List<PendingChange> pending(String node, int vmid) {
        return Fields.list(get(PveHttp.Call.get(VM + "/pending", node, vmid)), PendingChange::from);
    }

    /** Creates a VM (task {@code qmcreate}). Never retried but on lock contention: see the class comment. */
    public Upid createVm(String node, int vmid, Map<String, String> config) {
        return upid(send(PveHttp.Call.send(HttpMethod.POST, "/nodes/{node}/qemu", node).form("vmid", vmid).form(config)));
    }

    /** Changes the config asynchronously (task {@code qmconfig}); the digest refuses concurrent edits. */
    public Upid updateConfig(String node, int vmid, Map<String, String> set, List<String> delete, @Nullable String digest) {
        PveHttp.Call call = PveHttp.Call.send(HttpMethod.POST, VM + "/config", node, vmid).form(set)
                .form("digest", digest);
        if (!delete.isEmpty()) {
            call.form("delete", String.join(",", delete));
        }
        return upid(send(call));
    }

    /**
     * Changes the config synchronously ({@code PUT …/config}): the lock is taken before the answer, so
     * lock contention is retried here. For quick changes only; Proxmox cuts proxied calls at 30 s.
     */
    public void updateConfigNow(String node, int vmid, Map<String, String> set, List<String> delete,
            @Nullable String digest) {
        PveHttp.Call call = PveHttp.Call.send(HttpMethod.PUT, VM + "/config", node, vmid).form(set).form("digest", digest);
        if (!delete.isEmpty()) {
            call.form("delete", String.join(",", delete));
        }
        send(call);
    }

    /** Grows a disk ({@code +10G} or an absolute size); PVE 7+ answers a task, older ones nothing. */
    public Optional<Upid> resize(String node, int vmid, String disk, String size) {
        JsonNode data = send(PveHttp.Call.send(HttpMethod.PUT, VM + "/resize", node, vmid).form("disk", disk)
                .form("size", size));
        return data.isNull() || data.asString().isBlank() ? Optional.empty() : Optional.of(Upid.parse(data.asString()));
    }

    /** The authoritative power state. */
    public VmStatus status(String node, int vmid) {
        return VmStatus.from(vmid, Fields.of(get(PveHttp.Call.get(VM + "/status/current", node, vmid))));
    }

    public Upid start(String node, int vmid) {
        return upid(send(PveHttp.Call.send(HttpMethod.POST, VM + "/status/start", node, vmid)));
    }

    /** Hard stop, like pulling the plug. */
    public Upid stop(String node, int vmid) {
        return upid(send(PveHttp.Call.send(HttpMethod.POST, VM + "/status/stop", node, vmid)));
    }

    /** Clean shutdown through the guest agent or ACPI; with forceStop, a hard stop after the timeout. */
    public Upid shutdown(String node, int vmid, int timeoutSeconds, boolean forceStop) {
        return upid(send(PveHttp.Call.send(HttpMethod.POST, VM + "/status/shutdown", node, vmid)
                .form("timeout", timeoutSeconds).form("forceStop", forceStop ? 1 : 0)));
    }

    /**
     * Offline migration of a stopped VM to another node of the cluster; {@code withLocalDisks} lets
     * Proxmox copy disks on local storage. The task runs on the VM's current node.
     */
    public Upid migrate(String node, int vmid, String target, boolean withLocalDisks) {
        PveHttp.Call call = PveHttp.Call.send(HttpMethod.POST, VM + "/migrate", node, vmid).form("target", target);
        return upid(send(withLocalDisks ? call.form("with-local-disks", 1) : call));
    }

    /** Reboot through the API, which also applies pending changes. */
    public Upid reboot(String node, int vmid) {
        return upid(send(PveHttp.Call.send(HttpMethod.POST, VM + "/status/reboot", node, vmid)));
    }

    /** All snapshots, unordered as Proxmox lists them, with the {@code current} pseudo-entry. */
    public List<Snapshot> snapshots(String node, int vmid) {
        return Fields.list(get(PveHttp.Call.get(VM + "/snapshot", node, vmid)), Snapshot::from);
    }

    public Upid createSnapshot(String node, int vmid, String name, @Nullable String description, boolean vmstate) {
        return upid(send(PveHttp.Call.send(HttpMethod.POST, VM + "/snapshot", node, vmid).form("snapname", name)
                .form("description", description).form("vmstate", vmstate ? 1 : 0)));
    }

    public Upid deleteSnapshot(String node, int vmid, String name) {
        return upid(send(PveHttp.Call.send(HttpMethod.DELETE, VM + "/snapshot/{snapname}", node, vmid, name)
                .withoutForm()));
    }

    public Upid rollback(String node, int vmid, String name) {
        return upid(send(PveHttp.Call.send(HttpMethod.POST, VM + "/snapshot/{snapname}/rollback", node, vmid, name)));
    }

    /** Whether the guest agent answers; false while it is not running (yet). */
    public boolean agentPing(String node, int vmid) {
        try {
            send(PveHttp.Call.send(HttpMethod.POST, VM + "/agent/ping", node, vmid));
            return true;
        } catch (ProxmoxAgentException e) {
            return false;
        }
    }

    /** The guest's interfaces; {@link ProxmoxAgentException} while the agent is not running. */
    public List<GuestInterface> guestInterfaces(String node, int vmid) {
        return GuestInterface.fromAgentAnswer(get(PveHttp.Call.get(VM + "/agent/network-get-interfaces", node, vmid)));
    }

    public TaskStatus taskStatus(Upid upid) {
        return TaskStatus.from(Fields.of(get(PveHttp.Call.get("/nodes/{node}/tasks/{upid}/status", upid.node(),
                upid.value()))));
    }

    /** The last lines of a task's log, in order. */
    public List<String> taskLog(Upid upid, int lastLines) {
        // the log endpoint pages from the start; read the whole (short) log and keep its tail
        JsonNode lines = get(PveHttp.Call.get("/nodes/{node}/tasks/{upid}/log", upid.node(), upid.value())
                .query("start", 0).query("limit", 5000));
        List<String> all = new ArrayList<>();
        for (JsonNode line : lines) {
            all.add(Fields.of(line).string("t", ""));
        }
        return List.copyOf(all.subList(Math.max(0, all.size() - lastLines), all.size()));
    }

    /** Recent tasks of a node, newest first. */
    public List<TaskSummary> tasks(String node) {
        return Fields.list(get(PveHttp.Call.get("/nodes/{node}/tasks", node)), TaskSummary::from);
    }

    /**
     * Waits for a task, polling with backoff. {@code OK} and {@code WARNINGS: n} succeed; any other
     * exit status throws {@link TaskFailedException} with the log's tail; still running at the
     * timeout throws {@link ProxmoxTimeoutException} (the task itself keeps running).
     */
    public TaskResult await(Upid upid, Duration timeout) {
        return tasks.await(upid, timeout);
    }

    /**
     * One look at a task, without waiting: empty while it runs; once it stopped, what {@link #await}
     * would return or throw, and the same timeout when it still runs after {@code deadline}. For
     * callers that wait without holding a thread between looks.
     */
    public Optional<TaskResult> taskResult(Upid upid, Instant deadline) {
        TaskStatus status = taskStatus(upid);
        if (status.running()) {
            if (Instant.now().isAfter(deadline)) {
                throw new ProxmoxTimeoutException("task " + upid.type() + " on " + upid.node()
                        + " still running at its deadline " + deadline + " (" + upid.value() + ")");
            }
            return Optional.empty();
        }
        return Optional.of(TaskWaiter.outcome(upid, status, () -> tasks.tail(upid)));
    }

    /** Asks the cluster to send a magic packet to {@code node}'s configured MAC (from another node). */
    public void wakeOnLan(String node) {
        send(PveHttp.Call.send(HttpMethod.POST, "/nodes/{node}/wakeonlan", node));
    }

    public List<PciMapping> pciMappings() {
        return Fields.list(get(PveHttp.Call.get("/cluster/mapping/pci")), PciMapping::from);
    }

    public List<PciDevice> hardwarePci(String node) {
        return Fields.list(get(PveHttp.Call.get("/nodes/{node}/hardware/pci", node)), PciDevice::from);
    }

    /** A connection test: reachable, certificate, token, read permissions. Never throws. */
    public ConnectionCheck check() {
        return new ConnectionChecker(this, connection).check();
    }

    JsonNode get(PveHttp.Call call) {
        return http.call(call);
    }

    private JsonNode send(PveHttp.Call call) {
        return http.call(call);
    }

    private static Upid upid(JsonNode data) {
        if (!data.isString()) {
            throw new ProxmoxUnavailableException(200, "expected a task id (UPID), got " + data);
        }
        return Upid.parse(data.asString());
    }


    @Override
    public String toString() {
        return "ProxmoxClient[" + connection.id() + " " + connection.url() + "]";
    }
}
