package org.ksmstudio.engine.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One swept parameter and its values, parsed from {@code name=SPEC} where SPEC is a list
 * ({@code 64,256,1024}), a geometric range ({@code 2..1048576:x2}) or an arithmetic range
 * ({@code 10..100:+10}). Names are /sys/kernel/mm/ksm tunables ({@code max_page_sharing}), {@code seed},
 * or {@code POLICY.PARAM} for a policy parameter ({@code resched.every}).
 *
 * @param name   parameter name
 * @param values values in sweep order, as text
 */
public record SweepParameter(String name, List<String> values) {
    /** Most values one parameter may take. */
    public static final int MAX_VALUES = 10_000;

    public SweepParameter {
        values = List.copyOf(values);
        if (name == null || name.isBlank() || values.isEmpty()) {
            throw new IllegalArgumentException("--param " + name + ": needs a name and at least one value");
        }
    }

    /** Parses {@code name=SPEC}; IllegalArgumentException naming the option and the bad part. */
    public static SweepParameter parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--param " + text + ": expected NAME=VALUES, e.g. "
                    + "max_page_sharing=2..1048576:x2");
        }
        String name = text.substring(0, eq).trim();
        String spec = text.substring(eq + 1).trim();
        List<String> values = new ArrayList<>();
        int dots = spec.indexOf("..");
        if (dots < 0) {
            for (String v : spec.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        } else {
            int colon = spec.indexOf(':', dots);
            long from = number(text, spec.substring(0, dots));
            long to = number(text, colon < 0 ? spec.substring(dots + 2) : spec.substring(dots + 2, colon));
            String step = colon < 0 ? "+1" : spec.substring(colon + 1).trim();
            if (to < from) {
                throw new IllegalArgumentException("--param " + text + ": range end " + to + " is below its start "
                        + from);
            }
            if (step.startsWith("x")) {
                long f = number(text, step.substring(1));
                if (f < 2 || from < 1) {
                    throw new IllegalArgumentException("--param " + text + ": a geometric range needs a factor >= 2 "
                            + "and a start >= 1");
                }
                for (long v = from; v <= to; v = Math.multiplyHigh(v, f) != 0 ? Long.MAX_VALUE : v * f) {
                    add(text, values, v);
                }
            } else if (step.startsWith("+")) {
                long s = number(text, step.substring(1));
                if (s < 1) {
                    throw new IllegalArgumentException("--param " + text + ": step must be >= 1");
                }
                for (long v = from; v <= to; v = v > Long.MAX_VALUE - s ? Long.MAX_VALUE : v + s) {
                    add(text, values, v);
                    if (v == Long.MAX_VALUE) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("--param " + text + ": step '" + step + "' must be xN or +N");
            }
        }
        return new SweepParameter(name, values);
    }

    private static void add(String text, List<String> values, long v) {
        if (values.size() >= MAX_VALUES) {
            throw new IllegalArgumentException("--param " + text + ": more than " + MAX_VALUES + " values");
        }
        values.add(Long.toString(v));
    }

    private static long number(String text, String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--param " + text + ": '" + s.trim() + "' is not an integer");
        }
    }
}
