package io.rigplane.terraform.internal;

import io.rigplane.system.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of a resource, or of one of its nested blocks, as {@code terraform show -json}
 * writes them (a nested block is a list of objects). Remembers what was read, so that whatever
 * nobody read can be reported instead of dropped; a value of the wrong type becomes a problem.
 */
final class AttributeBlock {

    private final String path;
    private final Map<String, ?> values;
    private final Set<String> read = new HashSet<>();
    private final List<AttributeBlock> children = new ArrayList<>();
    private final List<FieldError> problems;

    AttributeBlock(String path, Map<String, ?> values, List<FieldError> problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    /** The path of an attribute of this block, as a user finds it in the document. */
    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Whether the attribute has a value: null, an empty string and an empty list count as unset. */
    boolean isSet(String name) {
        Object value = values.get(name);
        return !(value == null || value instanceof String text && text.isEmpty()
                || value instanceof List<?> list && list.isEmpty());
    }

    /** Marks an attribute as known without reading it (it matters only to Terraform itself). */
    void known(String... names) {
        read.addAll(List.of(names));
    }

    @Nullable String string(String name) {
        read.add(name);
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
        problems.add(new FieldError(pathOf(name), "must be a string"));
        return null;
    }

    @Nullable Long integer(String name) {
        read.add(name);
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof Number number) {
                return new BigDecimal(number.toString()).longValueExact();
            }
            if (value instanceof String text && !text.isBlank()) {
                return new BigDecimal(text.trim()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldError(pathOf(name), "must be a whole number, not " + value));
        return null;
    }

    @Nullable BigDecimal decimal(String name) {
        read.add(name);
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof Number || value instanceof String text && !text.isBlank()) {
                return new BigDecimal(value.toString().trim());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldError(pathOf(name), "must be a number, not " + value));
        return null;
    }

    @Nullable Boolean bool(String name) {
        read.add(name);
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
            return Boolean.valueOf(text);
        }
        problems.add(new FieldError(pathOf(name), "must be true or false, not " + value));
        return null;
    }

    /** A list of strings; a single string counts as a list of one. */
    List<String> strings(String name) {
        read.add(name);
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof String || item instanceof Number) {
                    strings.add(item.toString());
                } else {
                    problems.add(new FieldError(pathOf(name), "must be a list of strings"));
                    return List.of();
                }
            }
            return strings;
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        problems.add(new FieldError(pathOf(name), "must be a list of strings"));
        return List.of();
    }

    /** The blocks of a nested block type, in document order (an object alone counts as one). */
    List<AttributeBlock> blocks(String name) {
        read.add(name);
        Object value = values.get(name);
        List<AttributeBlock> blocks = new ArrayList<>();
        if (value == null) {
            return blocks;
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String itemPath = pathOf(name) + "[" + i + "]";
            if (item instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, ?> attributes = (Map<String, ?>) map;
                AttributeBlock block = new AttributeBlock(itemPath, attributes, problems);
                children.add(block);
                blocks.add(block);
            } else if (item != null) {
                problems.add(new FieldError(itemPath, "must be a block (an object)"));
            }
        }
        return blocks;
    }

    /** The single block of a nested block type that allows one, if set. */
    @Nullable AttributeBlock block(String name) {
        List<AttributeBlock> blocks = blocks(name);
        if (blocks.size() > 1) {
            problems.add(new FieldError(pathOf(name), "allows one block, found " + blocks.size()));
        }
        return blocks.isEmpty() ? null : blocks.get(0);
    }

    /** Attributes with a value that nobody read, here and in the nested blocks that were read. */
    List<String> unread() {
        List<String> unread = new ArrayList<>();
        values.keySet().stream().sorted().filter(name -> !read.contains(name) && isSet(name))
                .forEach(name -> unread.add(pathOf(name)));
        children.forEach(child -> unread.addAll(child.unread()));
        return unread;
    }
}
