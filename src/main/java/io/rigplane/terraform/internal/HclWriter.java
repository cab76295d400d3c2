package io.rigplane.terraform.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes resources as HCL, formatted as {@code terraform fmt} would: two spaces per level, the
 * equals signs of consecutive attributes aligned, nested blocks after the plain attributes.
 * Settings that no attribute carries become comments at the end of their resource.
 */
public final class HclWriter {

    public static final String RESOURCE_TYPE = "proxmox_virtual_environment_vm";

    private HclWriter() {
    }

    public static String write(List<ExportedVm> vms) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < vms.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            write(vms.get(i), out);
        }
        return out.toString();
    }

    private static void write(ExportedVm vm, StringBuilder out) {
        out.append("# ").append(oneLine(vm.heading())).append('\n');
        if (vm.importId() != null) {
            out.append("import {\n");
            out.append("  to = ").append(RESOURCE_TYPE).append('.').append(vm.label()).append('\n');
            out.append("  id = ").append(quote(vm.importId())).append('\n');
            out.append("}\n\n");
        }
        out.append("resource ").append(quote(RESOURCE_TYPE)).append(' ').append(quote(vm.label())).append(" {\n");
        body(vm.attributes(), 1, out);
        if (!vm.unmapped().isEmpty()) {
            out.append('\n');
            out.append("  # Not carried by any attribute of the bpg/proxmox provider:\n");
            for (UnmappedSetting setting : vm.unmapped()) {
                out.append("  # ").append(oneLine(setting.key())).append(": ").append(oneLine(setting.value()))
                        .append(" (").append(oneLine(setting.reason())).append(")\n");
            }
        }
        out.append("}\n");
    }

    private static void body(Map<String, Object> attributes, int depth, StringBuilder out) {
        String indent = "  ".repeat(depth);
        List<Map.Entry<String, Object>> plain = new ArrayList<>();
        List<Map.Entry<String, Object>> blocks = new ArrayList<>();
        attributes.entrySet().forEach(entry -> (isBlock(entry.getValue()) ? blocks : plain).add(entry));
        int width = plain.stream().mapToInt(entry -> entry.getKey().length()).max().orElse(0);
        for (Map.Entry<String, Object> entry : plain) {
            out.append(indent).append(entry.getKey()).append(" ".repeat(width - entry.getKey().length()))
                    .append(" = ").append(value(entry.getValue())).append('\n');
        }
        boolean first = plain.isEmpty();
        for (Map.Entry<String, Object> entry : blocks) {
            for (Object item : (List<?>) entry.getValue()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> block = (Map<String, Object>) item;
                if (!first) {
                    out.append('\n');
                }
                first = false;
                out.append(indent).append(entry.getKey()).append(" {");
                if (block.isEmpty()) {
                    out.append("}\n");
                } else {
                    out.append('\n');
                    body(block, depth + 1, out);
                    out.append(indent).append("}\n");
                }
            }
        }
    }

    private static boolean isBlock(Object value) {
        return value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map;
    }

    static String value(Object value) {
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(value(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return String.valueOf(value);
    }

    /** A quoted HCL string; template sequences are escaped so that the text stays literal. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '$', '%' -> {
                    quoted.append(c);
                    if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                        quoted.append(c);
                    }
                }
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String oneLine(String text) {
        return text.replace("\r", "").replace("\n", "\\n");
    }
}
