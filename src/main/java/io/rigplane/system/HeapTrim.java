package io.rigplane.system;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives back to the operating system the heap that start-up needed and a running Rigplane does not,
 * and lets an idle service keep giving it back. Rigplane often runs in a 512 MiB–1 GiB container
 * beside Proxmox, where the JVM's server defaults (a first heap of a 64th of the machine's memory, up
 * to 70 % of the heap left free after a collection, no collection while idle) hold 150–250 MiB that
 * the running service does not use (docs/performance.md). Options given on the command line win:
 * only flags still at the JVM's defaults change.
 */
@Component
@ConditionalOnBooleanProperty(name = "rigplane.memory.trim-heap", matchIfMissing = true)
class HeapTrim {

    private static final Logger log = LoggerFactory.getLogger(HeapTrim.class);

    /** In this order: the JVM refuses a MaxHeapFreeRatio below the MinHeapFreeRatio of the moment. */
    static final Map<String, String> LEAN_FLAGS = leanFlags();

    private static final long MIB = 1024 * 1024;

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        // a full collection pauses the JVM for a fraction of a second: not on the thread that reports ready
        Thread trim = new Thread(this::trim, "heap-trim");
        trim.setDaemon(true);
        trim.start();
    }

    void trim() {
        List<String> changed = applyLeanFlags(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getCommitted();
        System.gc();
        long after = memory.getHeapMemoryUsage().getCommitted();
        log.info("Heap after start: {} MiB committed, {} MiB after returning what start-up left unused (set {})",
                before / MIB, after / MIB, changed.isEmpty() ? "nothing, all given on the command line" : changed);
    }

    /** Sets each lean flag the command line left at its default; returns those it set. */
    static List<String> applyLeanFlags(HotSpotDiagnosticMXBean vm) {
        List<String> changed = new ArrayList<>();
        LEAN_FLAGS.forEach((flag, value) -> {
            VMOption option = vm.getVMOption(flag);
            if (option.getOrigin() != VMOption.Origin.DEFAULT && option.getOrigin() != VMOption.Origin.ERGONOMIC) {
                return;
            }
            try {
                vm.setVMOption(flag, value);
                changed.add(flag + "=" + value);
            } catch (IllegalArgumentException refused) {
                // a combination the JVM refuses (a ratio beside one given on the command line): keep its own
                log.debug("Kept {}={}: {}", flag, option.getValue(), refused.getMessage());
            }
        });
        return changed;
    }

    private static Map<String, String> leanFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("MinHeapFreeRatio", "10");
        flags.put("MaxHeapFreeRatio", "30");
        // G1 only: a collection after 5 idle minutes, which also returns what a burst of load left committed
        flags.put("G1PeriodicGCInterval", "300000");
        return Collections.unmodifiableMap(flags);
    }
}
