package io.rigplane.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Proxmox VE 9 API simulator over real HTTPS, with simulated guests and Apollo stream hosts.
 * Start it, point a client at {@link #url()}, pin {@link #fingerprint()}, authenticate with the
 * configured token; steer it with {@link #faults()} and the test controls.
 */
public final class ProxmoxSimulator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProxmoxSimulator.class.getName());

    private final SimulatorSettings settings;
    private final SelfSignedCertificate certificate;
    private final SimContext ctx;
    private final Auth auth;
    private final PveServer server;
    private static final int MAX_CONNECTIONS = 512;

    private final ExecutorService pool;
    private final HttpListener listener;
    private final NodeRoutes nodeControl;
    private final WakeOnLanListener wakeOnLan;

    private ProxmoxSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.certificate = SelfSignedCertificate.generate("srv02");
        this.ctx = new SimContext(settings, new StreamHosts(settings));
        ctx.fingerprint = certificate.sha256Fingerprint();
        this.auth = new Auth(settings);
        this.server = new PveServer(ctx, auth, new ControlEndpoints(this));
        this.nodeControl = new NodeRoutes(ctx, new PowerRoutes(ctx));
        AtomicInteger n = new AtomicInteger();
        // a thread per connection, and an idle keep-alive connection holds its thread for up to 5 s:
        // a fixed pool let a client's warm connections starve every new one (pveproxy, event-driven,
        // does not), so threads beyond the core are made as connections come and end when idle
        this.pool = new ThreadPoolExecutor(settings.threads(), Math.max(settings.threads(), MAX_CONNECTIONS), 30,
                TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "pve-sim-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        InetAddress bind = InetAddress.getByName(settings.bindAddress());
        this.listener = new HttpListener(bind, settings.port(), certificate.sslContext(), pool, server, "pve-sim");
        this.wakeOnLan = settings.wakeOnLanUdpPort() < 0 ? null
                : new WakeOnLanListener(bind, settings.wakeOnLanUdpPort(), nodeControl::wakeByMac);
    }

    /** Starts a simulator; it listens until {@link #close()}. */
    public static ProxmoxSimulator start(SimulatorSettings settings) {
        try {
            ProxmoxSimulator sim = new ProxmoxSimulator(settings);
            LOG.log(System.Logger.Level.INFO, "Proxmox VE simulator listening on " + sim.url()
                    + " (certificate SHA-256 fingerprint " + sim.fingerprint() + ", token user "
                    + settings.tokenUser() + "!" + settings.tokenId() + ")");
            return sim;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Proxmox VE simulator on " + settings.bindAddress() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /** Base URL, e.g. {@code https://127.0.0.1:8006}; the API lives under {@code /api2/json}. */
    public String url() {
        String host = listener.address().getHostAddress();
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + listener.port();
    }

    public int port() {
        return listener.port();
    }

    /** SHA-256 fingerprint of the server certificate, {@code AA:BB:…}. */
    public String fingerprint() {
        return certificate.sha256Fingerprint();
    }

    public java.security.cert.X509Certificate certificate() {
        return certificate.certificate();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public Faults faults() {
        return ctx.faults;
    }

    public int wakeOnLanUdpPort() {
        return wakeOnLan == null ? -1 : wakeOnLan.port();
    }

    /** Back to the configured cluster: VMs, tasks, faults, tickets, counters, stream hosts. */
    public void reset() {
        ctx.tasks.clear();
        ctx.streamHosts.reset();
        auth.clear();
        ctx.faults.apply(Map.of("latencyMillis", 0, "errorRate", 0, "errorStatus", 500, "lockContentionRate", 0,
                "taskFailureRate", 0, "guestNeverReady", false, "streamHostNeverReady", false));
        ctx.faults.taskMillis(null).bodyStallMillis(0).reseed(settings.seed());
        ctx.resetState();
    }

    public int destructiveCallCount() {
        synchronized (ctx.state) {
            return ctx.state.destructiveCalls.size();
        }
    }

    public List<Map<String, Object>> destructiveCalls() {
        synchronized (ctx.state) {
            return new ArrayList<>(ctx.state.destructiveCalls);
        }
    }

    /**
     * Sets or clears (null) a VM's lock, as a backup or a deletion that died half-way leaves it
     * ({@code backup}, {@code snapshot-delete}, …).
     */
    public void setVmLock(int vmid, @org.jspecify.annotations.Nullable String lock) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vms.get(vmid);
            if (vm == null) {
                throw new IllegalArgumentException("no VM " + vmid);
            }
            if (lock == null) {
                vm.config.remove("lock");
            } else {
                vm.config.put("lock", lock);
            }
        }
    }

    /**
     * Adds a storage that every node reaches (like Ceph RBD or NFS): disks there are not copied by a
     * migration, so it is short. Gone after {@link #reset()}.
     */
    public void addSharedStorage(String storage) {
        synchronized (ctx.state) {
            ctx.state.sharedStorages.add(storage);
            ctx.state.nodes.values().forEach(node -> {
                if (!node.storages.contains(storage)) {
                    node.storages.add(storage);
                }
            });
        }
    }

    /** How long an offline migration copies one GiB of a disk on local storage (20 ms unless set). */
    public void setMigrationMillisPerGiB(long millis) {
        ctx.migrationMillisPerGiB = millis;
    }

    /** The migrations done since the last reset: {@code vmid}, {@code from}, {@code to}, {@code time}. */
    public List<Map<String, Object>> migrations() {
        synchronized (ctx.state) {
            return new ArrayList<>(ctx.state.migrations);
        }
    }

    /** The PCI devices running VMs use, as {@code node/path} → VMIDs (more than one would be a bug). */
    public Map<String, List<Integer>> pciInUse() {
        synchronized (ctx.state) {
            Map<String, List<Integer>> users = new java.util.TreeMap<>();
            for (SimVm vm : ctx.state.vms.values()) {
                if (vm.running) {
                    vm.pciInUse.forEach(path -> users.computeIfAbsent(vm.node + "/" + path, k -> new ArrayList<>())
                            .add(vm.vmid));
                }
            }
            return users;
        }
    }

    /** The node a VM is on now. */
    public String nodeOf(int vmid) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vms.get(vmid);
            if (vm == null) {
                throw new IllegalArgumentException("no VM " + vmid);
            }
            return vm.node;
        }
    }

    /**
     * Worker tasks started since the last reset, by type ({@code qmcreate}, {@code qmstart}, …) and
     * by type and VM id: how often Rigplane really asked for each action, failed tasks included.
     */
    public TaskCounts taskCounts() {
        Map<String, Integer> total = new TreeMap<>();
        Map<String, Map<String, Integer>> byVm = new TreeMap<>();
        for (SimTask task : ctx.tasks.all()) {
            total.merge(task.type, 1, Integer::sum);
            byVm.computeIfAbsent(task.type, t -> new TreeMap<>()).merge(task.id, 1, Integer::sum);
        }
        return new TaskCounts(total, byVm);
    }

    /** How many worker tasks of each type the simulator ran, overall and per VM id. */
    public record TaskCounts(Map<String, Integer> total, Map<String, Map<String, Integer>> byVm) {

        public int of(String type) {
            return total.getOrDefault(type, 0);
        }
    }

    /** Takes a node off the network (its VMs stop, as in a power loss) or back on at once. */
    public void setNodeOnline(String node, boolean online) {
        ClusterState state = ctx.state;
        synchronized (state) {
            SimNode n = state.nodes.get(node);
            if (n == null) {
                throw new IllegalArgumentException("no such node " + node);
            }
            if (!online) {
                PowerRoutes power = new PowerRoutes(ctx);
                state.vms.values().stream().filter(vm -> vm.node.equals(node) && vm.running).forEach(power::markStopped);
            } else if (!n.online) {
                n.bootedAtMillis = System.currentTimeMillis();
            }
            n.online = online;
        }
    }

    public boolean isNodeOnline(String node) {
        synchronized (ctx.state) {
            SimNode n = ctx.state.nodes.get(node);
            return n != null && n.online;
        }
    }

    /** Where a VM's stream host listens: ip, httpPort (serverinfo), apiPort (config API), ready. */
    public Map<String, Object> streamHostAddress(int vmid) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vms.get(vmid);
            if (vm == null) {
                throw new IllegalArgumentException("no VM " + vmid);
            }
            StreamHost host = ctx.streamHosts.running(vmid);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vmid", vmid);
            m.put("ready", host != null);
            m.put("ip", host != null ? host.ip() : vm.guest.ip);
            if (host != null) {
                m.put("httpPort", host.httpPort());
                m.put("apiPort", host.apiPort());
            }
            return m;
        }
    }

    private String hostname(int vmid) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vms.get(vmid);
            if (vm == null) {
                throw new IllegalArgumentException("no VM " + vmid);
            }
            return vm.name();
        }
    }

    /** A Moonlight/Artemis client already paired with the VM's stream host (list/view permissions). */
    public Map<String, Object> pairClient(int vmid, String name) {
        return ctx.streamHosts.pairClient(vmid, hostname(vmid), name);
    }

    /** Pairs a client with the one-time PIN from {@code POST /api/otp}, as Artemis does. */
    public Map<String, Object> pairWithPin(int vmid, String pin, String passphrase, String name) {
        return ctx.streamHosts.pairWithOtp(vmid, hostname(vmid), pin, passphrase, name);
    }

    public void connectClient(int vmid, String clientUuid) {
        ctx.streamHosts.connect(vmid, clientUuid);
    }

    public void disconnectClient(int vmid, String clientUuid) {
        ctx.streamHosts.disconnect(vmid, clientUuid);
    }

    /** Routes served, as {@code METHOD /path/{var}} (the conformance test walks these). */
    List<Route> routes() {
        return server.routes();
    }

    @Override
    public void close() {
        listener.close();
        if (wakeOnLan != null) {
            wakeOnLan.close();
        }
        ctx.tasks.shutdown();
        ctx.timers.shutdownNow();
        ctx.streamHosts.shutdown();
        pool.shutdownNow();
    }
}
