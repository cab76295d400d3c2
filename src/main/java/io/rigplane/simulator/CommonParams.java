package io.rigplane.simulator;

import static io.rigplane.simulator.Param.integer;
import static io.rigplane.simulator.Param.str;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Path parameters and helpers shared by the route groups. */
final class CommonParams {
    private static final Pattern ID_SEPARATORS = Pattern.compile("[,;\\s]+");


    static final Param NODE = str("node").required().pattern("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
    static final Param VMID = integer("vmid").required().range(100L, 999_999_999L);
    static final Param SNAPNAME = str("snapname").required().maxLength(40);
    static final Param UPID = str("upid").required();
    static final Param DIGEST = str("digest").maxLength(40);
    static final Param SKIPLOCK = Param.bool("skiplock");

    private CommonParams() {
    }

    @SafeVarargs
    static List<Param> of(Collection<Param>... groups) {
        List<Param> all = new ArrayList<>();
        for (Collection<Param> g : groups) {
            all.addAll(g);
        }
        return all;
    }

    static List<Param> list(Param... params) {
        return List.of(params);
    }

    /** Renders a stored configuration with JSON types following the schema (0/1 booleans, numbers). */
    static Map<String, Object> typed(Map<String, String> config) {
        Map<String, Object> out = new TreeMap<>();
        config.forEach((k, v) -> {
            Param p = VmKeys.find(k);
            Object value = v;
            if (p != null) {
                try {
                    value = switch (p.type()) {
                        case INTEGER -> Long.parseLong(v);
                        case NUMBER -> Double.parseDouble(v);
                        case BOOLEAN -> Boolean.TRUE.equals(Param.parseBoolean(v)) ? 1 : 0;
                        default -> v;
                    };
                } catch (NumberFormatException e) {
                    value = v;
                }
            }
            out.put(k, value);
        });
        return out;
    }

    /** Splits a pve-configid-list ({@code scsi1,unused0} or separated by spaces or semicolons). */
    static List<String> idList(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String s : ID_SEPARATORS.split(value)) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
