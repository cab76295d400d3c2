package io.rigplane.profile;

/** The reference setup's profile, as the README's curl creates it. */
final class GamingPc {

    static final String JSON = """
            {
              "name": "gaming-pc",
              "description": "Windows 11 with the RTX 3070 for streaming",
              "node": "srv02",
              "vmid": 100,
              "platform": "windows-11-gaming",
              "cores": 8,
              "memoryMiB": 32768,
              "disks": [
                {"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 200, "role": "system"},
                {"slot": "scsi1", "storage": "local-zfs", "sizeGiB": 500, "role": "data"}
              ],
              "gpu": "rtx3070",
              "network": {"bridge": "vmbr0", "mac": "BC:24:11:AA:BB:CC"},
              "tags": ["gaming"]
            }""";

    private GamingPc() {
    }

    /** The same profile with one top-level field replaced by raw JSON (a value, or null). */
    static String with(String field, String rawValue) {
        String replaced = JSON.replaceFirst("\"" + field + "\": (\\[[^\\]]*\\]|\\{[^}]*\\}|\"[^\"]*\"|[0-9]+)",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\": " + rawValue));
        if (replaced.equals(JSON) && !JSON.contains("\"" + field + "\"")) {
            return JSON.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{\"" + field + "\": " + rawValue + ","));
        }
        return replaced;
    }
}
