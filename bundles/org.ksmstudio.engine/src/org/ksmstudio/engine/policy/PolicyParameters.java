package org.ksmstudio.engine.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/** Parses policy specifications such as {@code "resched:every=8"} and reads their values. */
public final class PolicyParameters {
    private PolicyParameters() {
    }

    /** The name part of a specification ({@code "resched"} of {@code "resched:every=8"}). */
    public static String baseName(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? spec.trim() : spec.substring(0, colon).trim();
    }

    /** The parameters of a specification, in order; empty without a colon. */
    public static Map<String, String> parse(String spec) {
        Map<String, String> map = new LinkedHashMap<>();
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return map;
        }
        for (String part : spec.substring(colon + 1).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("policy = " + spec + ": parameter '" + part
                        + "' must be name=value");
            }
            map.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return map;
    }

    /**
     * Applies the parameters of {@code spec} to {@code policy}: those naming a tunable of a
     * {@link KsmPatch} ({@link KsmPatch#sysfsFiles()}) are checked here and written at the start of
     * the run ({@link #patchTunables}); the others go to {@link RmapPolicy#withParameters}.
     */
    public static SharingPolicy configure(SharingPolicy policy, String spec) {
        Map<String, String> params = parse(spec);
        patchTunables(policy, spec).keySet().forEach(f -> params.remove(f.fileName()));
        if (params.isEmpty()) {
            return policy;
        }
        if (policy instanceof RmapPolicy p) {
            return p.withParameters(params);
        }
        throw new IllegalArgumentException("policy = " + spec + ": " + policy.name() + " takes no parameters");
    }

    /**
     * The start values the parameters of {@code spec} give the tunables of a patch ({@code
     * "smart-scan-ages:max_skips=4"}), each checked by its file's rules; empty for other policies.
     */
    public static Map<PatchSysfsFile, Long> patchTunables(SharingPolicy policy, String spec) {
        Map<PatchSysfsFile, Long> values = new LinkedHashMap<>();
        if (!(policy instanceof KsmPatch patch)) {
            return values;
        }
        Map<String, String> params = parse(spec);
        for (PatchSysfsFile f : patch.sysfsFiles()) {
            String v = params.get(f.fileName());
            if (v == null || !f.writable()) {
                continue;
            }
            KsmSysfsFile.Parsed p = f.parse(v);
            if (!p.ok()) {
                throw new IllegalArgumentException("policy " + policy.name() + ": " + f.fileName() + " = " + v + ": "
                        + p.reason());
            }
            values.put(f, p.value());
        }
        return values;
    }

    /** A positive long parameter; {@code policy} and {@code name} go into the error message. */
    public static long positive(String policy, String name, String value, long max) {
        try {
            long v = Long.parseLong(value);
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("policy " + policy + ": " + name + " = " + value + ": must be 1.." + max);
    }

    /** Throws for a parameter the policy does not know. */
    public static IllegalArgumentException unknown(String policy, String name, String known) {
        return new IllegalArgumentException("policy " + policy + ": unknown parameter " + name + " (known: " + known
                + ")");
    }
}
